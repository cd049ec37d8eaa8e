// The one owner of the programme's state: the programme itself, the catalog it draws on, the
// view shown, and the therapist's choices about sharing. Other modules read the live bindings
// and change them only through the functions here; `commit` and `showMode` run what main.js
// registers (redraw everything that shows the programme).
import { P } from "./programme.js";
import { limits } from "./settings.js";
import { format } from "./strings.js";

export let state = P.emptyState();
export let mode = "patient"; // "patient" (the patient's view) or "editor"
export let catalog = null;
export const lookup = { exerciseById: new Map(), conditionById: new Map() };
export let generalAgreed = false; // the therapist chose to share with general safety advice only
export let opening = false; // reading the link: the address is the patient's, never rewritten

export function setState(next) {
  state = next;
}
export function setModeValue(next) {
  mode = next;
}
export function setCatalog(data) {
  catalog = data;
  lookup.exerciseById = new Map(data.exercises.map((exercise) => [exercise.id, exercise]));
  lookup.conditionById = new Map(data.conditions.map((condition) => [condition.id, condition]));
}
export function agreeGeneral(agreed) {
  generalAgreed = agreed;
}
export function setOpening(value) {
  opening = value;
}

const hooks = { commit: () => {}, showMode: () => {} };
export function register(handlers) {
  Object.assign(hooks, handlers);
}
// After a change: the address, the editor, the patient's view and the sheet follow the state.
export const commit = (options) => hooks.commit(options);
export const showMode = (next, focus) => hooks.showMode(next, focus);

// ---- What follows from the state ----
export const exerciseOf = (item) => lookup.exerciseById.get(item.id);
export const programmeUrl = (s = state) => window.location.href.split("#")[0] + P.encodeState(s);
export const fits = (s) => programmeUrl(s).length <= limits.link;
// How often the whole programme is done: the frequency every exercise shares, else none (the
// headline then sends the reader to each exercise; calendar and log follow each exercise).
export const programmeFrequency = () => P.sharedFrequency(state.items);
export const programmeWeeks = () => state.weeks || 4;
export function howOften() {
  const shared = programmeFrequency();
  const often = shared ? P.describeFrequency(shared) : format(state.items.length ? "oftenEach" : "oftenNotSet");
  return format("oftenFor", { often, weeks: P.weeksText(programmeWeeks()) });
}
export const title = () => state.title || format("defaultTitle");
export function suggestedConditions() {
  return catalog ? P.suggestConditions(catalog.conditions, state.items.map((item) => item.id)) : [];
}
// The conditions are only ever the therapist's choice (suggested, never ticked for them).
export function refreshDefaults() {
  state.frequency = null; // the link carries each exercise's own frequency
  if (!state.weeks && state.items.length) state.weeks = 4;
}
