// Finding exercises: a search box and filters over the catalog. The results are one list box
// (one Tab stop): the search box drives it as a combobox, and in the list Up, Down, Home and
// End move the active option, Enter adds it, a letter goes back to searching.
import { h, select } from "./dom.js";
import { addExercise } from "./edits.js";
import { labels, limits, siteUrl } from "./settings.js";
import { catalog, state } from "./state.js";
import { format } from "./strings.js";

// The active option is named by aria-activedescendant.
export const results = h("ul", {
  class: "builder-results", id: "builder-results", role: "listbox", tabindex: "0",
  "aria-label": format("resultsLabel"), "data-focus-key": "results",
});
export const searchInput = h("input", {
  type: "search", autocomplete: "off", role: "combobox", "aria-controls": results.id, "aria-expanded": "true",
  "aria-autocomplete": "list", "data-focus-key": "search",
});
export const resultCount = h("p", { class: "builder-count", "aria-live": "polite" });
export const filters = {};
let activeResult = ""; // the exercise id of the active option

const NO_EQUIPMENT = new Set(["mat"]); // a mat, a carpet or a towel on the floor: nothing to buy
function matches(exercise, query) {
  if (query) {
    const haystack = [exercise.name, ...(exercise.also_known_as || []), exercise.summary].join(" ").toLowerCase();
    if (!query.split(/\s+/).every((word) => haystack.includes(word))) return false;
  }
  const equipment = exercise.equipment || [];
  if (filters.region.value && !exercise.body_regions.includes(filters.region.value)) return false;
  if (filters.goal.value && !exercise.goals.includes(filters.goal.value)) return false;
  if (filters.level.value && String(exercise.level) !== filters.level.value) return false;
  if (filters.equipment.value === "none" && equipment.some((item) => !NO_EQUIPMENT.has(item))) return false;
  if (filters.equipment.value && filters.equipment.value !== "none" && !equipment.includes(filters.equipment.value)) return false;
  return true;
}

export function renderResults() {
  const query = searchInput.value.trim().toLowerCase();
  // Names that start with what was typed come first, then names with a word that does, then
  // other names, then matches in the summary only; otherwise the catalog's order.
  const rank = (exercise) => {
    if (!query) return 0;
    const names = [exercise.name, ...(exercise.also_known_as || [])].map((n) => n.toLowerCase());
    if (names.some((n) => n.startsWith(query))) return 0;
    if (names.some((n) => n.split(/[\s-]+/).some((word) => word.startsWith(query)))) return 1;
    return names.some((n) => n.includes(query)) ? 2 : 3;
  };
  const found = catalog.exercises.filter((exercise) => matches(exercise, query))
    .map((exercise, order) => [rank(exercise), order, exercise])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , exercise]) => exercise);
  const full = state.items.length >= limits.items;
  results.replaceChildren(...found.map((exercise) => h("li", {
    role: "option", id: `result-${exercise.id}`, "data-exercise": exercise.id, "aria-selected": "false",
    "aria-disabled": full ? "true" : null, "aria-labelledby": `result-${exercise.id}-name`,
    "aria-describedby": `result-${exercise.id}-meta`, onclick: () => addExercise(exercise.id, "results"),
  },
  exercise.picture ? h("img", { class: "thumb", src: siteUrl(exercise.picture.thumb_uri || exercise.picture.uri), alt: "", loading: "lazy", width: 56, height: 56 }) : null,
  h("span", { class: "builder-result-name", id: `result-${exercise.id}-name`, text: exercise.name }),
  h("span", { class: "builder-result-meta", id: `result-${exercise.id}-meta`, text: format("resultMeta", { level: labels.levels[exercise.level], areas: exercise.body_regions.map((r) => labels.body_regions[r]).join(", ") }) }),
  h("span", { class: "md-button builder-add", "aria-hidden": "true" }, format("add")))));
  // The active option stays where it was if it still matches, else the first match.
  const ids = found.map((exercise) => exercise.id);
  setActiveResult(ids.includes(activeResult) ? activeResult : ids[0] || "");
  const count = format(found.length === 1 ? "matchesOne" : "matchesMany", { count: found.length });
  resultCount.textContent = full ? `${count} ${format("full", { items: limits.items })}` : count;
}

function setActiveResult(id) {
  activeResult = id;
  for (const option of results.children) {
    const on = option.dataset.exercise === id;
    option.setAttribute("aria-selected", String(on));
    option.classList.toggle("is-active", on);
    if (on) option.scrollIntoView({ block: "nearest" });
  }
  for (const node of [results, searchInput]) {
    if (id) node.setAttribute("aria-activedescendant", `result-${id}`);
    else node.removeAttribute("aria-activedescendant");
  }
}

// Up, Down, Home and End move the active option (Up from the first goes back to the search
// box); Enter adds it and focus stays put, ready for the next exercise.
function resultKey(event, inList) {
  const ids = [...results.children].map((option) => option.dataset.exercise);
  const at = ids.indexOf(activeResult);
  const moves = { ArrowDown: at + 1, ArrowUp: at - 1, ...(inList ? { Home: 0, End: ids.length - 1 } : {}) };
  if (event.key in moves && ids.length) {
    event.preventDefault();
    const next = moves[event.key];
    if (next < 0 && inList) return searchInput.focus();
    setActiveResult(ids[Math.max(0, Math.min(next, ids.length - 1))]);
    if (!inList && event.key === "ArrowDown") results.focus(); // the list keeps focus from here
  } else if (event.key === "Enter" && activeResult) {
    event.preventDefault();
    addExercise(activeResult, inList ? "results" : "search");
    if (!inList) searchInput.select(); // the next letters start a new search
  } else if (inList && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    searchInput.focus(); // typing in the list searches
    searchInput.select();
  }
  return undefined;
}

// The filters and the keys, once the catalog is loaded.
export function setUpSearch() {
  filters.region = select([["", format("anyArea")], ...Object.entries(labels.body_regions)], "", renderResults);
  filters.goal = select([["", format("anyType")], ...Object.entries(labels.goals)], "", renderResults);
  filters.level = select([["", format("anyLevel")], ...Object.entries(labels.levels).map(([k, v]) => [k, format("levelOption", { level: v, number: k })])], "", renderResults);
  filters.equipment = select([["", format("anyEquipment")], ["none", format("noEquipment")], ...Object.entries(labels.equipment)], "", renderResults);
  searchInput.addEventListener("input", renderResults);
  searchInput.addEventListener("keydown", (event) => resultKey(event, false));
  results.addEventListener("keydown", (event) => resultKey(event, true));
}
