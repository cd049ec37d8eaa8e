// The printed sheet: the generator's <template> elements (builder.md.j2: the routine pages'
// sheet macros in slot mode) filled with the programme's data, and its QR code. Every word of
// the sheet is in the templates; this fills in data only.
import { h } from "./dom.js";
import { P } from "./programme.js";
import { limits, settings, shortAddress, siteUrl } from "./settings.js";
import { exerciseOf, howOften, lookup, programmeUrl, programmeWeeks, state, title } from "./state.js";
import { readableDate } from "./strings.js";

export const sheet = h("div", { class: "programme-sheet print-only" });
export let sheetReady = false;

// The QR code of `text` as SVG (the vendored qrcode-generator), labelled for screen readers.
function qrSvg(text, label) {
  const code = globalThis.qrcode(0, "L");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const size = count + 8; // a quiet zone of 4 modules
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "qr-code");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.dataset.modules = String(count);
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", size);
  background.setAttribute("height", size);
  background.setAttribute("fill", "#fff");
  let d = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) if (code.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  }
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(background, path);
  return svg;
}
export function qrOrNull(text, label) {
  try {
    return qrSvg(text, label);
  } catch {
    return null; // longer than any QR code holds
  }
}
// The QR code only where it prints at 0.35 mm a module or more within its room.
function printableQr(text, label) {
  const qr = qrOrNull(text, label);
  if (!qr) return null;
  const side = Math.max(limits.qr.min_mm, (Number(qr.dataset.modules) + 8) * limits.qr.module_mm);
  if (Math.ceil(side * 10) / 10 > limits.qr.max_mm) return null;
  qr.style.setProperty("--qr-size", `${(Math.ceil(side * 10) / 10).toFixed(1)}mm`); // never below
  return qr;
}

function fill(node, slot, text) {
  const target = node.querySelector(`[data-slot="${slot}"]`);
  if (target) target.textContent = text;
  return target;
}

export function renderSheet() {
  sheetReady = false;
  const page = document.getElementById("programme-sheet").content.cloneNode(true);
  const safety = P.safetyFor(state, lookup, settings.merge);
  fill(page, "title", title());
  const instructions = fill(page, "instructions", state.instructions);
  instructions.hidden = !state.instructions;
  fill(page, "how-often", howOften());
  fill(page, "therapist", state.therapist);
  fill(page, "start", state.start ? readableDate(state.start) : "");
  // The safety box: each tier a list, the same lines as on screen.
  for (const [slot, lines] of [["emergency", safety.emergency], ["urgent", safety.urgent], ["soon", safety.soon], ["stop-if", safety.stop_if]]) {
    page.querySelector(`[data-slot="${slot}"]`).append(...lines.map((line) => h("li", { text: line })));
    const tierNode = page.querySelector(`[data-slot="${slot}-tier"]`);
    if (tierNode) tierNode.hidden = !lines.length;
  }
  page.querySelector('[data-slot="general"]').hidden = safety.emergency.length > 0;
  const items = page.querySelector('[data-slot="items"]');
  const itemTemplate = document.getElementById("programme-sheet-item");
  state.items.forEach((item, index) => {
    const exercise = exerciseOf(item);
    const card = itemTemplate.content.cloneNode(true);
    const picture = card.querySelector('[data-slot="picture"]');
    if (exercise.picture) {
      picture.src = siteUrl(exercise.picture.uri);
      picture.alt = exercise.picture.alt;
    } else picture.parentElement.remove();
    fill(card, "name", `${index + 1}. ${exercise.name}`);
    fill(card, "dosage", `${P.describeDosage(item.dosage)}.`);
    fill(card, "note", item.note ? ` ${item.note}` : "");
    const steps = exercise.short_steps && exercise.short_steps.length ? exercise.short_steps : exercise.steps;
    card.querySelector('[data-slot="steps"]').append(...steps.map((step) => h("li", { text: step })));
    items.append(card);
  });
  // The tick grid: a row a week, laid out as the routine pages' `tracker` macro lays it out.
  const weeks = programmeWeeks();
  const sessions = P.sessionsByWeekday(state.items.map((item) => item.dosage));
  const [grids, rows, ownSheet] = P.trackerLayout(weeks, limits.tracker);
  const gridTemplate = document.getElementById("programme-sheet-grid");
  const gridBox = page.querySelector('[data-slot="grids"]');
  for (let grid = 0; grid < grids; grid += 1) {
    const table = gridTemplate.content.cloneNode(true);
    const body = table.querySelector("tbody");
    for (let week = grid * rows + 1; week <= Math.min(weeks, (grid + 1) * rows); week += 1) {
      body.append(h("tr", {}, h("th", { scope: "row", text: String(week) }),
        sessions.map((count) => h("td", {}, Array.from({ length: count }, () => h("span", { class: "tick" })))), h("td")));
    }
    gridBox.append(table);
  }
  if (ownSheet) page.querySelector('[data-slot="tracker"]').classList.add("tracker-own-sheet");
  // The QR code where it prints well, otherwise a short address to type. Its label and the
  // other caption are the sheet's words (data-label, data-address).
  const qrSlot = page.querySelector('[data-slot="qr"]');
  const qr = printableQr(programmeUrl(), qrSlot.dataset.label);
  if (qr) qrSlot.append(qr);
  else {
    qrSlot.append(h("strong", { class: "sheet-address", text: shortAddress() }));
    const caption = page.querySelector('[data-slot="qr-caption"]');
    caption.textContent = caption.dataset.address;
  }
  sheet.replaceChildren(page);
  sheetReady = true;
}
