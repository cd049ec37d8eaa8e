// The link that carries the programme (after "#", never sent to a server): the field showing
// it, the room left in it, its QR code on screen, copying it, and reading a new one.
import { shareAfterAsking } from "./actions.js";
import { h } from "./dom.js";
import { P } from "./programme.js";
import { qrOrNull } from "./sheet.js";
import { limits } from "./settings.js";
import { catalog, commit, fits, mode, programmeUrl, state } from "./state.js";
import { format } from "./strings.js";

export const linkInput = h("input", { type: "text", readonly: true, class: "builder-link" });
export const linkRoom = h("p", { class: "builder-hint builder-room" });
export const qrScreen = h("div", { class: "builder-qr" });
const copyStatus = h("span", { class: "builder-status", role: "status" });

function showRoom(trial = state) {
  const used = programmeUrl(trial).length;
  const fields = { used: used.toLocaleString("en"), link: limits.link.toLocaleString("en") };
  linkRoom.textContent = format(used > limits.link ? "roomFull" : "room", fields);
  linkRoom.classList.toggle("builder-room--full", used > limits.link);
}

// After every change: the link, the room it uses and its QR code.
export function refreshLink() {
  linkInput.value = programmeUrl();
  showRoom();
  qrScreen.replaceChildren((state.items.length && qrOrNull(programmeUrl(), format("qrLabel"))) || "");
}

// Text fields: tidy the text, keep it within its length and the link's room, say what changed.
// `trial(value)` is the programme with that text; `store(value)` keeps it.
export function textField(input, { limit, multiline = false, trial, store }) {
  input.addEventListener("input", () => showRoom(trial(P.clean(input.value, multiline))));
  input.addEventListener("change", () => {
    const cleaned = P.clean(input.value, multiline);
    let value = P.cut(cleaned, limit);
    let note = value !== cleaned ? format("shortened", { limit }) : "";
    while (value && !fits(trial(value))) {
      value = P.cut(value, P.characters(value).length - 1);
      note = format("shortenedToFit");
    }
    store(value);
    input.value = value;
    const hint = document.getElementById(input.getAttribute("aria-describedby"));
    if (hint) {
      hint.textContent = note;
      hint.hidden = !note;
    }
    commit({ announce: note || undefined });
  });
}

export function copyControls() {
  const button = h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(async () => {
    linkInput.select();
    let text = format("copied");
    try {
      await navigator.clipboard.writeText(linkInput.value);
    } catch {
      text = format("copyByHand");
    }
    copyStatus.textContent = text;
    window.setTimeout(() => { copyStatus.textContent = ""; }, 4000);
  }) }, format("copyLink"));
  return [button, copyStatus];
}

// Only a programme link opens a programme: an in-page link ("Skip to content", a heading's
// anchor) scrolls to its target and leaves the programme and the address as they are.
const isProgramme = (hash) => /^#v\d+(;|$)/.test(hash);

// `open()` reads the programme from the address when a new programme link is opened here.
export function followAddress(open) {
  window.addEventListener("hashchange", () => {
    if (catalog && isProgramme(window.location.hash) && window.location.hash !== P.encodeState(state)) open();
  });
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    if (!link || !isProgramme(window.location.hash) || event.defaultPrevented) return;
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (!id || isProgramme(`#${id}`)) return;
    event.preventDefault();
    let target = document.getElementById(id);
    if (!target) return;
    if (!target.getClientRects().length) target = document.getElementById(mode === "patient" ? "patient-title" : "builder-start") || target;
    if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }, true);
}
