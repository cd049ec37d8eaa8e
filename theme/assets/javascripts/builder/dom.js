// Building the page: one element helper, `h`, and the form controls made with it. No innerHTML:
// catalog and link text always go in as text.
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let uid = 0;
export const newId = (prefix) => `${prefix}-${++uid}`;

// A field: its label, the control, and a hint below it (hidden while empty).
export function labelled(labelText, control, hint) {
  const id = control.id || (control.id = newId("field"));
  const wrapper = h("div", { class: "builder-field" }, h("label", { for: id, text: labelText }), control);
  const hintNode = h("p", { class: "builder-hint", id: newId("hint"), text: hint || "" });
  hintNode.hidden = !hint;
  control.setAttribute("aria-describedby", hintNode.id);
  wrapper.append(hintNode);
  return wrapper;
}

export function select(options, value, onchange) {
  const node = h("select", { onchange });
  for (const [optionValue, text] of options) node.append(h("option", { value: optionValue, text, selected: optionValue === value }));
  return node;
}

export function numberInput(value, [low, high], onchange, key) {
  return h("input", { type: "number", inputmode: "numeric", min: low, max: high, step: 1, value: value ?? "", onchange, "data-focus-key": key });
}

export const clamp = (value, [low, high], fallback) => {
  const number = Number.parseInt(value, 10);
  return Number.isInteger(number) ? Math.min(high, Math.max(low, number)) : fallback;
};

export const list = (lines) => h("ul", {}, lines.map((line) => h("li", { text: line })));
