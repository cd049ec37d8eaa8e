// The programme in the editor: each exercise with its dosage controls, note and buttons to move
// or remove it.
import { clamp, h, labelled, newId, numberInput, select } from "./dom.js";
import { move, remove } from "./edits.js";
import { textField } from "./link.js";
import { P } from "./programme.js";
import { limits } from "./settings.js";
import { commit, exerciseOf, state } from "./state.js";
import { format } from "./strings.js";

export const programme = h("ol", { class: "builder-programme" });

// The kinds of frequency a select offers: every day, on work days only (Monday to Friday), or
// days a week; `frequencyKindOf` and `frequencyOfKind` go between a kind and a frequency.
export const frequencyKinds = () => [["day", format("timesADay")], ["workday", format("timesAWorkDay")], ["week", format("daysAWeek")]];
export const frequencyKindOf = (f) => (f.times_per_day == null ? "week" : f.work_days ? "workday" : "day");
export const frequencyOfKind = (kind, value) => (kind === "week"
  ? { times_per_day: null, days_per_week: value ?? 3, work_days: false }
  : { times_per_day: value ?? 1, days_per_week: null, work_days: kind === "workday" });

const dosageSaid = (item) => format("dosageOf", { name: exerciseOf(item).name, dosage: P.describeDosage(item.dosage) });

function setDosage(index, changes) {
  const item = state.items[index];
  item.dosage = { ...item.dosage, ...changes };
  const phrase = programme.children[index]?.querySelector(".builder-item-dosage");
  if (phrase) phrase.textContent = `${P.describeDosage(item.dosage)}.`;
  commit({ announce: dosageSaid(item) });
}

function dosageControls(item, index) {
  const d = item.dosage;
  const name = exerciseOf(item).name;
  const kind = d.reps != null ? "reps" : d.hold_seconds != null ? "hold" : "minutes";
  const amount = d.reps ?? d.hold_seconds ?? d.minutes;
  const fkind = frequencyKindOf(d);
  const field = { reps: "reps", hold: "hold_seconds", minutes: "minutes" };
  const amountLimits = limits[kind];
  item.remembered = item.remembered || {};
  item.remembered[kind] = amount;
  const group = h("fieldset", { class: "builder-dosage" }, h("legend", { text: format("howMuch", { name }) }));
  group.append(
    labelled(format("sets"), numberInput(d.sets, limits.sets, (e) => {
      const sets = clamp(e.target.value, limits.sets, d.sets);
      e.target.value = sets;
      setDosage(index, { sets });
    }, `${index}-sets`)),
    labelled(format("eachSet"), select([["reps", format("repetitions")], ["hold", format("holdKind")], ["minutes", format("minutes")]], kind, (e) => {
      const next = e.target.value;
      const value = clamp(item.remembered[next] ?? amount, limits[next], limits[next][0]);
      item.dosage = { ...item.dosage, reps: null, hold_seconds: null, minutes: null, [field[next]]: value };
      commit({ structure: "item", item: index, focus: `${index}-kind`, announce: dosageSaid(item) });
    })),
    labelled(format({ reps: "repetitions", hold: "holdSeconds", minutes: "minutes" }[kind]), numberInput(amount, amountLimits, (e) => {
      const value = clamp(e.target.value, amountLimits, amount);
      e.target.value = value;
      item.remembered[kind] = value;
      setDosage(index, { [field[kind]]: value });
    }, `${index}-amount`)),
    labelled(format("rest"), numberInput(d.rest_seconds, limits.rest, (e) => {
      const rest = e.target.value === "" ? null : clamp(e.target.value, limits.rest, d.rest_seconds);
      e.target.value = rest ?? "";
      setDosage(index, { rest_seconds: rest });
    }, `${index}-rest`)),
    labelled(format("howOften"), select(frequencyKinds(), fkind, (e) => {
      const day = e.target.value !== "week";
      item.dosage = { ...item.dosage, ...frequencyOfKind(e.target.value, day ? d.times_per_day ?? undefined : undefined) };
      commit({ structure: "item", item: index, focus: `${index}-often`, announce: dosageSaid(item) });
    })),
    labelled(format(fkind === "week" ? "daysAWeek" : "timesADay"), numberInput(d.times_per_day ?? d.days_per_week, fkind === "week" ? limits.perWeek : limits.perDay, (e) => {
      if (fkind !== "week") {
        const value = clamp(e.target.value, limits.perDay, d.times_per_day);
        e.target.value = value;
        setDosage(index, { times_per_day: value });
      } else {
        const value = clamp(e.target.value, limits.perWeek, d.days_per_week);
        e.target.value = value;
        setDosage(index, { days_per_week: value });
      }
    }, `${index}-freq`)),
    h("div", { class: "builder-field builder-check" },
      h("input", { type: "checkbox", id: newId("side"), checked: d.per_side, "data-focus-key": `${index}-side`, onchange: (e) => setDosage(index, { per_side: e.target.checked }) }),
      h("label", { text: format("eachSide") })),
  );
  const checkbox = group.querySelector("input[type=checkbox]");
  checkbox.nextElementSibling.setAttribute("for", checkbox.id);
  group.querySelectorAll("select")[0].setAttribute("data-focus-key", `${index}-kind`);
  group.querySelectorAll("select")[1].setAttribute("data-focus-key", `${index}-often`);
  return group;
}

function programmeItem(item, index) {
  const exercise = exerciseOf(item);
  const noteInput = h("input", { type: "text", value: item.note, "data-focus-key": `${index}-note` });
  const noteField = labelled(format("noteFor", { name: exercise.name }), noteInput);
  textField(noteInput, {
    limit: limits.text.note,
    trial: (note) => ({ ...state, items: state.items.map((it, i) => (i === index ? { ...it, note } : it)) }),
    store: (note) => { item.note = note; },
  });
  const button = (key, label, disabled, onclick, text) => h("button", {
    type: "button", class: "md-button", "data-focus-key": `${index}-${key}`, disabled,
    "aria-label": format(label, { name: exercise.name }), onclick,
  }, format(text));
  return h("li", { class: "builder-item", "data-exercise": item.id },
    h("h3", { text: exercise.name }),
    h("p", { class: "dosage" }, h("strong", { class: "builder-item-dosage", text: `${P.describeDosage(item.dosage)}.` })),
    dosageControls(item, index),
    noteField,
    h("div", { class: "builder-actions" },
      button("up", "moveUpLabel", index === 0, () => move(index, -1), "moveUp"),
      button("down", "moveDownLabel", index === state.items.length - 1, () => move(index, 1), "moveDown"),
      button("remove", "removeLabel", false, () => remove(index), "remove")));
}

export function renderProgramme() {
  programme.replaceChildren(...state.items.map(programmeItem));
}
// One exercise drawn again (its dosage kind or frequency kind changed).
export function renderItem(index) {
  programme.children[index]?.replaceWith(programmeItem(state.items[index], index));
}
