// What the builder tells its user: spoken updates (a live region), the problems of a link that
// was opened, and a notice above the programme.
import { h } from "./dom.js";
import { format } from "./strings.js";

export const live = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
export const messages = h("div", { class: "builder-messages screen-only" });
export const notice = h("p", { class: "builder-notice", role: "status" });

export function say(text) {
  live.textContent = "";
  window.setTimeout(() => { live.textContent = text; }, 50);
}

export function showProblems(problems) {
  messages.replaceChildren();
  if (!problems.length) return;
  messages.append(h("div", { class: "admonition warning", role: "alert" },
    h("p", { class: "admonition-title", text: format("linkProblems") }),
    h("ul", {}, problems.map((p) => h("li", { text: p }))),
    h("p", { text: format("linkProblemsKept") })));
}

export function showNotice(text) {
  notice.textContent = text;
  notice.hidden = !text;
}
