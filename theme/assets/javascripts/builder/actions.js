// What the therapist and the patient do with a programme: print it, add it to a calendar, and
// before sharing one with no condition chosen, a question (the patient would see general
// safety advice only; nothing is ever chosen for them).
import { h } from "./dom.js";
import { say, notice, showNotice } from "./messages.js";
import { P } from "./programme.js";
import { settings } from "./settings.js";
import { sheetReady } from "./sheet.js";
import { agreeGeneral, exerciseOf, generalAgreed, mode, programmeUrl, programmeWeeks, state, title } from "./state.js";
import { format } from "./strings.js";

export const shareAsk = h("div", { class: "builder-ask", role: "alert" });
shareAsk.hidden = true;

export function shareAfterAsking(action) {
  if (mode !== "editor" || !state.items.length || state.conditions.length || generalAgreed) {
    shareAsk.hidden = true;
    return action();
  }
  shareAsk.replaceChildren(
    h("p", { text: format("askGeneral") }),
    h("div", { class: "builder-actions" },
      h("button", { type: "button", class: "md-button md-button--primary", onclick: () => {
        shareAsk.hidden = true;
        document.querySelector('.builder-conditions input[tabindex="0"]')?.focus();
      } }, format("askChoose")),
      h("button", { type: "button", class: "md-button", onclick: () => {
        agreeGeneral(true);
        shareAsk.hidden = true;
        action();
      } }, format("askGoAhead"))));
  shareAsk.hidden = false;
  shareAsk.querySelector("button").focus();
  return undefined;
}

function printSheet(size) {
  if (!sheetReady || !state.items.length) {
    showNotice(format(state.items.length ? "printFailed" : "printEmpty"));
    say(notice.textContent);
    return;
  }
  window.clinicPrint(size);
}

function downloadCalendar() {
  if (!state.items.length) return;
  const lines = state.items.map((item, i) => format("calendarLine", { number: i + 1, name: exerciseOf(item).name, dosage: P.describeDosage(item.dosage) }));
  const text = P.makeCalendar({
    title: title(),
    groups: P.frequencyGroups(state.items.map((item, i) => [item.dosage, lines[i]])),
    weeks: programmeWeeks(),
    pageUrl: programmeUrl(),
    start: state.start || P.today(),
    stamp: new Date(),
    // One id per programme: the same file downloaded twice updates, never duplicates.
    uidBase: `programme-${P.digest(P.encodeState({ ...state, start: "" }))}`,
  }, settings.calendar);
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
  const link = h("a", { href: url, download: format("calendarFile") });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  say(format("calendarMade"));
}

// Print, large print and calendar: in the patient's view and in the editor's share section.
export function actionButtons() {
  return h("div", { class: "builder-actions programme-actions" },
    h("button", { type: "button", class: "md-button md-button--primary", onclick: () => shareAfterAsking(() => printSheet("standard")) }, format("print")),
    h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(() => printSheet("large")) }, format("printLarge")),
    h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(downloadCalendar) }, format("addToCalendar")));
}
