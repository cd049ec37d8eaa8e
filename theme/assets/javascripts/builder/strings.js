// Every word the builder shows, from the page's `ui-strings` island (generator/pages/
// ui_strings.py, BUILDER). `{field}` placeholders are filled by `format`; `parts` keeps fields
// that are elements (a link) as elements, for `h`.
const STRINGS = JSON.parse(document.getElementById("ui-strings").textContent).builder;

function text(key) {
  if (!Object.hasOwn(STRINGS, key)) throw new Error(`No builder string "${key}"`);
  return STRINGS[key];
}

// The string `key` with each `{field}` replaced by `fields[field]`.
export function format(key, fields = {}) {
  return text(key).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(fields, name) ? String(fields[name]) : whole));
}

// The string `key` as a list of text and the fields' own values (elements stay elements).
export function parts(key, fields = {}) {
  return text(key).split(/(\{\w+\})/).filter(Boolean)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name && Object.hasOwn(fields, name) ? fields[name] : piece;
    });
}

// "7 December 2026": the month spelled out, so no reader confuses day and month, and the same
// on every machine whatever its locale.
export function readableDate(iso) {
  const month = text("months")[Number(iso.slice(5, 7)) - 1];
  return format("date", { day: Number(iso.slice(8, 10)), month, year: iso.slice(0, 4) });
}
