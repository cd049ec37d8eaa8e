// The editor: the therapist's page. Start from a routine, the programme's details and what it
// is for (which sets the warning signs), finding exercises, the programme, sharing and printing.
import { actionButtons, shareAfterAsking, shareAsk } from "./actions.js";
import { clamp, h, labelled, numberInput, select } from "./dom.js";
import { clearAll, startFromRoutine } from "./edits.js";
import { filters, resultCount, results, searchInput, setUpSearch } from "./exercise-search.js";
import { copyControls, linkInput, linkRoom, qrScreen, textField } from "./link.js";
import { notice, showNotice } from "./messages.js";
import { P } from "./programme.js";
import { frequencyKindOf, frequencyKinds, frequencyOfKind, programme, renderProgramme as renderItems } from "./programme-list.js";
import { safetyBox } from "./safety-box.js";
import { limits, settings } from "./settings.js";
import { agreeGeneral, catalog, commit, howOften, lookup, programmeFrequency, programmeWeeks, showMode, state, suggestedConditions } from "./state.js";
import { format, readableDate } from "./strings.js";

export const editor = h("div", { class: "builder-editor screen-only" });
const titleInput = h("input", { type: "text", autocomplete: "off", "data-focus-key": "edit-title" });
const instructionsInput = h("textarea", { rows: 3 });
const therapistInput = h("input", { type: "text", autocomplete: "off" });
const startInput = h("input", { type: "date" });
const startFrom = h("select", {});
const weeksInput = numberInput(4, limits.weeks, () => {
  state.weeks = clamp(weeksInput.value, limits.weeks, programmeWeeks());
  weeksInput.value = state.weeks;
  commit({ announce: format("forWeeks", { weeks: P.weeksText(state.weeks) }) });
});
const programmeHeading = h("h2", { id: "programme-heading", tabindex: "-1", text: format("programmeHeading") });
const emptyNote = h("p", { class: "builder-empty", text: format("empty") });
const clearButton = h("button", { type: "button", class: "md-button", onclick: () => clearAll(fillDetails) }, format("clearAll"));
const editorSafety = h("div", { class: "builder-safety" });

// ---- How often, for the whole programme ----
// The programme-wide frequency sets every exercise's own: there is one frequency story.
function setAllFrequencies(frequency) {
  for (const item of state.items) item.dosage = { ...item.dosage, ...frequency };
  commit({ structure: true, focus: "programme-often", announce: format("everyExercise", { often: howOften() }) });
}
const frequencyKind = select([["", format("asSetForEach")], ...frequencyKinds()], "", () => {
  if (!frequencyKind.value) return commit();
  setAllFrequencies(frequencyOfKind(frequencyKind.value));
  return undefined;
});
frequencyKind.setAttribute("data-focus-key", "programme-often");
const frequencyValue = numberInput(1, limits.perDay, () => {
  const day = frequencyKind.value !== "week";
  const value = clamp(frequencyValue.value, day ? limits.perDay : limits.perWeek, 1);
  frequencyValue.value = value;
  setAllFrequencies(frequencyOfKind(frequencyKind.value, value));
});

// ---- What the programme is for ----
const conditionsBox = h("fieldset", { class: "builder-conditions" });
let rovingCondition = "";
export function renderConditions() {
  const suggested = new Set(suggestedConditions());
  conditionsBox.replaceChildren(h("legend", { text: format("conditionsLegend") }),
    ...catalog.conditions.map((condition) => {
      const id = `condition-${condition.id}`;
      return h("div", { class: "builder-check" },
        h("input", {
          type: "checkbox", id, checked: state.conditions.includes(condition.id), "data-focus-key": id, tabindex: "-1",
          onchange: (event) => {
            agreeGeneral(false);
            state.conditions = catalog.conditions.map((c) => c.id)
              .filter((cid) => (cid === condition.id ? event.target.checked : state.conditions.includes(cid)));
            commit({ announce: format(event.target.checked ? "conditionChosen" : "conditionDropped", { name: condition.name }) });
          },
        }),
        h("label", { for: id, text: suggested.has(condition.id) ? format("suggested", { name: condition.name }) : condition.name }));
    }));
  const boxes = [...conditionsBox.querySelectorAll("input")];
  (boxes.find((box) => box.id === rovingCondition) || boxes.find((box) => box.checked) || boxes[0])?.setAttribute("tabindex", "0");
}
// The conditions are one Tab stop: Up and Down (or a letter, to the next name starting with
// it) move between them, Space ticks.
conditionsBox.addEventListener("keydown", (event) => {
  const boxes = [...conditionsBox.querySelectorAll("input")];
  const at = boxes.indexOf(document.activeElement);
  if (at < 0) return;
  const names = boxes.map((box) => box.labels[0].textContent.toLowerCase());
  let next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: boxes.length - 1 }[event.key];
  if (next === undefined && event.key.length === 1 && /\p{L}/u.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const order = [...boxes.keys()].map((i) => (at + 1 + i) % boxes.length);
    next = order.find((i) => names[i].startsWith(event.key.toLowerCase()));
  }
  if (next === undefined || next < 0 || next >= boxes.length) return;
  event.preventDefault();
  for (const box of boxes) box.setAttribute("tabindex", "-1");
  boxes[next].setAttribute("tabindex", "0");
  rovingCondition = boxes[next].id;
  boxes[next].focus();
});

// ---- Drawing ----
export function renderProgramme() {
  renderItems();
  emptyNote.hidden = state.items.length > 0;
  clearButton.disabled = !state.items.length && !state.title && !state.instructions;
}

// The programme-wide fields follow the exercises' own frequencies and the weeks.
export function syncProgrammeFields() {
  const shared = programmeFrequency();
  frequencyKind.value = !shared ? "" : frequencyKindOf(shared);
  frequencyValue.disabled = !shared;
  frequencyValue.max = frequencyKind.value === "week" ? limits.perWeek[1] : limits.perDay[1];
  frequencyValue.value = shared ? shared.times_per_day ?? shared.days_per_week : "";
  weeksInput.value = programmeWeeks();
}

export function renderEditorSafety() {
  editorSafety.replaceChildren(
    h("p", { text: format("safetyIntro") }),
    safetyBox(P.safetyFor(state, lookup, settings.merge), "p"));
}

export function fillDetails() {
  titleInput.value = state.title;
  instructionsInput.value = state.instructions;
  therapistInput.value = state.therapist;
  startInput.value = state.start;
}

export function focusOn(key) {
  if (!key) return;
  if (key === "heading") {
    programmeHeading.focus({ preventScroll: false });
    return;
  }
  const target = document.getElementById("routine-builder").querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (target && !target.disabled) target.focus({ preventScroll: true });
  else programmeHeading.focus();
}

function programmeText(input, field, multiline = false) {
  textField(input, {
    limit: limits.text[field], multiline,
    trial: (value) => ({ ...state, [field]: value }),
    store: (value) => { state[field] = value; },
  });
}

// The editor's sections, once the catalog is loaded.
export function buildEditor() {
  setUpSearch();
  programmeText(titleInput, "title");
  programmeText(instructionsInput, "instructions", true);
  programmeText(therapistInput, "therapist");
  startInput.addEventListener("change", () => {
    state.start = /^\d{4}-\d{2}-\d{2}$/.test(startInput.value) ? startInput.value : "";
    commit({ announce: state.start ? format("startDate", { date: readableDate(state.start) }) : format("noStartDate") });
  });
  startFrom.append(h("option", { value: "", text: format("chooseRoutine") }), ...catalog.routines.map((r) => h("option", { value: r.id, text: r.name })));
  const section = (id, ...children) => h("section", { class: "builder-section", "aria-labelledby": id }, ...children);
  editor.append(
    section("builder-start",
      h("h2", { id: "builder-start", text: format("startHeading") }),
      labelled(format("routine"), startFrom, format("routineHint")),
      h("button", { type: "button", class: "md-button", onclick: () => startFromRoutine(startFrom.value, fillDetails) }, format("useRoutine"))),
    section("builder-details",
      h("h2", { id: "builder-details", text: format("detailsHeading") }),
      labelled(format("titleLabel"), titleInput, format("titleHint")),
      labelled(format("instructionsLabel"), instructionsInput),
      h("div", { class: "builder-filters" },
        labelled(format("therapistLabel"), therapistInput),
        labelled(format("startLabel"), startInput),
        labelled(format("howOften"), frequencyKind),
        labelled(format("number"), frequencyValue),
        labelled(format("weeksLabel"), weeksInput)),
      conditionsBox,
      editorSafety),
    section("builder-find",
      h("h2", { id: "builder-find", text: format("findHeading") }),
      labelled(format("searchLabel"), searchInput),
      h("div", { class: "builder-filters" },
        labelled(format("areaLabel"), filters.region), labelled(format("typeLabel"), filters.goal),
        labelled(format("levelLabel"), filters.level), labelled(format("equipmentLabel"), filters.equipment)),
      resultCount, results),
    section("programme-heading",
      programmeHeading, notice, emptyNote, programme, h("div", { class: "builder-actions" }, clearButton)),
    section("builder-share",
      h("h2", { id: "builder-share", text: format("shareHeading") }),
      labelled(format("linkLabel"), linkInput, format("linkHint")),
      linkRoom,
      shareAsk,
      h("div", { class: "builder-actions" }, ...copyControls()),
      actionButtons(),
      h("div", { class: "builder-actions" }, h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(() => showMode("patient")) }, format("showPatientView"))),
      qrScreen),
  );
  showNotice("");
}
