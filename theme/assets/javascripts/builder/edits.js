// Changes to the programme's list of exercises: add, move, remove, clear, start from a ready-made
// routine. Each changes the state, then commits with what to focus and what to say.
import { say, showNotice } from "./messages.js";
import { P } from "./programme.js";
import { limits } from "./settings.js";
import { catalog, commit, exerciseOf, fits, lookup, refreshDefaults, setState, state } from "./state.js";
import { format } from "./strings.js";

export function addExercise(id, from = "search") {
  const exercise = lookup.exerciseById.get(id);
  if (state.items.length >= limits.items) return say(format("full", { items: limits.items }));
  const already = state.items.findIndex((item) => item.id === id);
  const items = [...state.items, { id, dosage: P.dosageFromCatalog(exercise.dosage), note: "" }];
  if (!fits({ ...state, items })) return say(format("noRoom"));
  state.items = items;
  refreshDefaults();
  const twice = already >= 0 ? format("already", { name: exercise.name, number: already + 1 }) : "";
  const added = format("added", { name: exercise.name, count: state.items.length, items: limits.items });
  commit({ structure: true, focus: from, announce: twice ? `${added} ${twice}` : added });
  if (twice) showNotice(twice);
  return undefined;
}

export function move(index, step) {
  const target = index + step;
  if (target < 0 || target >= state.items.length) return;
  const [item] = state.items.splice(index, 1);
  state.items.splice(target, 0, item);
  const focus = state.items.length > 1 ? `${target}-${(step < 0 && target > 0) || target === state.items.length - 1 ? "up" : "down"}` : null;
  commit({ structure: true, focus, announce: format("moved", { name: exerciseOf(item).name, position: target + 1 }) });
}

export function remove(index) {
  const [item] = state.items.splice(index, 1);
  refreshDefaults();
  const focus = state.items.length ? `${Math.min(index, state.items.length - 1)}-remove` : "heading";
  commit({ structure: true, focus, announce: format("removed", { name: exerciseOf(item).name, count: state.items.length }) });
}

// `fillDetails` puts the new programme's details in the editor's fields.
export function clearAll(fillDetails) {
  if (!state.items.length && !state.title && !state.instructions) return;
  setState(P.emptyState());
  fillDetails();
  showNotice("");
  commit({ structure: true, focus: "heading", announce: format("cleared") });
}

// A routine's partial dosage over the exercise's own (one kind of amount replaces the other).
function withOverride(base, override) {
  const merged = { ...base };
  if (override) {
    if (["reps", "hold_seconds", "minutes"].some((k) => override[k] != null)) {
      merged.reps = merged.hold_seconds = merged.minutes = undefined;
    }
    if (override.times_per_day != null || override.days_per_week != null) {
      merged.times_per_day = merged.days_per_week = undefined;
      merged.work_days = false;
    }
    Object.assign(merged, override);
  }
  return P.dosageFromCatalog(merged);
}

export function startFromRoutine(routineId, fillDetails) {
  const routine = catalog.routines.find((r) => r.id === routineId);
  if (!routine) return;
  setState({
    ...P.emptyState(),
    title: routine.name,
    therapist: state.therapist,
    start: state.start,
    frequency: P.frequencyOf(routine.frequency),
    weeks: routine.duration_weeks,
    conditions: [...routine.for],
    items: routine.items.map((item) => ({ id: item.exercise, dosage: withOverride(lookup.exerciseById.get(item.exercise).dosage, item.dosage), note: item.note || "" })),
  });
  fillDetails();
  // Next, the therapist types the title for this patient.
  commit({ structure: true, focus: "edit-title", announce: format("started", { name: routine.name, count: state.items.length }) });
}
