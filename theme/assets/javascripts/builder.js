// Routine builder: a therapist assembles a home programme for one patient; the link opens a
// read-only page made for the patient. The whole programme lives in the URL fragment (after
// "#"), which browsers never send to a server. Nothing is stored, nothing is sent. The catalog
// comes from the site's own /api/catalog.json; the programme's logic is in programme.js, its
// limits and printed sheet come from the generator (page data and <template> elements).
"use strict";

(() => {
  const root = document.getElementById("routine-builder");
  if (!root) return;
  const P = window.ClinicProgramme;
  const settings = JSON.parse(document.getElementById("builder-settings").textContent);
  const { limits, labels, clinic } = settings;
  // Site paths from the generator (generator/catalog/addresses.py): `{id}` stands for an id.
  const paths = settings.addresses;
  const rules = settings.calendar;
  window.clinicDescribeDosage = P.describeDosage; // for tests: the same phrase as the Python side

  let catalog = null;
  const lookup = { exerciseById: new Map(), conditionById: new Map() };
  let state = P.emptyState();
  let mode = "patient";
  let sheetReady = false;
  let qrPrinted = false;
  let generalAgreed = false; // the therapist chose to share with general safety advice only
  let opening = false; // reading the link: the address is the patient's, never rewritten

  // ---- DOM helpers (no innerHTML: catalog and link text always go in as text) ----
  function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === false || value == null) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  let uid = 0;
  const newId = (prefix) => `${prefix}-${++uid}`;
  function labelled(labelText, control, hint) {
    const id = control.id || (control.id = newId("field"));
    const wrapper = h("div", { class: "builder-field" }, h("label", { for: id, text: labelText }), control);
    const hintNode = h("p", { class: "builder-hint", id: newId("hint"), text: hint || "" });
    hintNode.hidden = !hint;
    control.setAttribute("aria-describedby", hintNode.id);
    wrapper.append(hintNode);
    return wrapper;
  }
  function select(options, value, onchange) {
    const node = h("select", { onchange });
    for (const [optionValue, text] of options) node.append(h("option", { value: optionValue, text, selected: optionValue === value }));
    return node;
  }
  function numberInput(value, [low, high], onchange, key) {
    return h("input", { type: "number", inputmode: "numeric", min: low, max: high, step: 1, value: value ?? "", onchange, "data-focus-key": key });
  }
  const clamp = (value, [low, high], fallback) => {
    const number = Number.parseInt(value, 10);
    return Number.isInteger(number) ? Math.min(high, Math.max(low, number)) : fallback;
  };
  const siteUrl = (path) => {
    const config = document.getElementById("__config");
    const base = config ? `${JSON.parse(config.textContent).base}/` : paths.root;
    return new URL(`${base}${path}`, window.location.href).href;
  };
  const exerciseUrl = (id) => siteUrl(paths.exercise.replace("{id}", () => id));
  const conditionUrl = (id) => siteUrl(paths.condition.replace("{id}", () => id));
  const programmeUrl = (s = state) => window.location.href.split("#")[0] + P.encodeState(s);
  const fits = (s) => programmeUrl(s).length <= limits.link;
  // "7 December 2026": the month spelled out, so no reader confuses day and month, and the same
  // on every machine whatever its locale.
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const readableDate = (iso) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

  // ---- Live messages ----
  const live = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
  const messages = h("div", { class: "builder-messages screen-only" });
  function say(text) {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  }
  function showProblems(problems) {
    messages.replaceChildren();
    if (!problems.length) return;
    messages.append(h("div", { class: "admonition warning", role: "alert" },
      h("p", { class: "admonition-title", text: "Some of this link could not be used" }),
      h("ul", {}, problems.map((p) => h("li", { text: p }))),
      h("p", { text: "Everything else in the link was kept." })));
  }

  // ---- The programme's safety advice, dosage and how often ----
  // How often the whole programme is done: the frequency every exercise shares, else none (the
  // headline then sends the reader to each exercise; calendar and log follow each exercise).
  const programmeFrequency = () => P.sharedFrequency(state.items);
  const programmeWeeks = () => state.weeks || 4;
  const howOften = () => {
    const shared = programmeFrequency();
    const often = shared ? P.describeFrequency(shared) : state.items.length ? "as given for each exercise" : "not set yet";
    return `${often}, for ${P.weeksText(programmeWeeks())}`;
  };
  const title = () => state.title || "Your home exercise programme";
  function suggestedConditions() {
    return catalog ? P.suggestConditions(catalog.conditions, state.items.map((item) => item.id)) : [];
  }
  // The conditions are only ever the therapist's choice (suggested, never ticked for them).
  function refreshDefaults() {
    state.frequency = null; // the link carries each exercise's own frequency
    if (!state.weeks && state.items.length) state.weeks = 4;
  }
  // The clinic's phone as a link that dials it.
  const phoneLink = () => (clinic.phone ? h("a", { href: `tel:${clinic.phone.replace(/[^0-9+]/g, "")}`, class: "programme-phone", text: clinic.phone }) : null);
  const list = (lines) => h("ul", {}, lines.map((line) => h("li", { text: line })));
  // The same lines, in the same order, as the printed sheet's box.
  function safetyBox(safety, headingLevel, general) {
    const heading = (text) => h(headingLevel, { class: "admonition-title", text });
    const tier = (text, lines) => (lines.length ? [h("p", {}, h("strong", { text })), list(lines)] : null);
    return h("div", { class: "programme-safety" },
      h("div", { class: "admonition danger" }, heading("When to get help straight away"),
        safety.emergency.length ? [
          tier(`Seek emergency care now (${clinic.urgent_care.emergency}) if you have:`, safety.emergency),
          tier(`Get an urgent appointment the same day (${clinic.urgent_care.urgent}) if you have:`, safety.urgent),
          tier("See your GP (family doctor) soon, within a week or two, if you have:", safety.soon),
        ] : h("p", { class: "programme-warning", text: general
          ? `No condition was chosen for this programme. If you feel very unwell or think it is an emergency, seek emergency care now (${clinic.urgent_care.emergency}).`
          : "No condition is chosen yet: choose what this programme is for (below) to show the warning signs that go with it." })),
      h("div", { class: "admonition warning" }, heading("Stop and get advice if"),
        safety.stop_if.length ? list(safety.stop_if)
          : h("p", { text: "Any exercise causes sharp or spreading pain, numbness or weakness." }),
        h("p", {}, `Ask ${clinic.name} for advice`, clinic.phone ? [" on ", phoneLink()] : null, ".")));
  }

  // ---- The patient's view ----
  const patientView = h("article", { class: "patient-view screen-only" });
  function renderPatientView() {
    const safety = P.safetyFor(state, lookup, settings.merge);
    const conditions = state.conditions.map((id) => lookup.conditionById.get(id)).filter(Boolean);
    const from = [clinic.name, state.therapist].filter(Boolean).join(", ");
    patientView.replaceChildren(...[
      h("h1", { id: "patient-title", tabindex: "-1", text: title() }),
      h("p", { class: "patient-from", text: `From ${from}.${state.start ? ` Start on ${readableDate(state.start)}.` : ""}` }),
      state.instructions ? h("p", { class: "patient-instructions", text: state.instructions }) : null,
      h("div", { class: "facts" }, h("ul", {},
        h("li", {}, h("strong", { text: "How often: " }), howOften()),
        conditions.length ? h("li", {}, h("strong", { text: "For: " }), conditions.flatMap((c, i) => [i ? ", " : "", h("a", { href: conditionUrl(c.id), text: c.name })])) : null)),
      actionButtons(),
      h("h2", { text: "Your exercises" }),
      h("ol", { class: "patient-exercises" }, state.items.map((item, index) => {
        const exercise = lookup.exerciseById.get(item.id);
        const picture = exercise.picture;
        return h("li", { class: "patient-exercise" },
          h("h3", { text: `${index + 1}. ${exercise.name}` }),
          // The movement as an animation, or the numbered still pictures for readers who ask
          // for less motion (and on paper, where the sheet uses the still pictures).
          picture ? h("picture", {},
            picture.motion_uri ? h("source", { srcset: siteUrl(picture.uri), media: "(prefers-reduced-motion: reduce)" }) : null,
            h("img", { class: "exercise-figure", src: siteUrl(picture.motion_uri || picture.uri), alt: picture.alt, width: picture.width, height: picture.height })) : null,
          h("p", { class: "dosage" }, h("strong", { text: `${P.describeDosage(item.dosage)}.` })),
          item.note ? h("p", { class: "patient-note" }, h("strong", { text: "Your therapist's note: " }), item.note) : null,
          h("ol", {}, exercise.steps.map((step) => h("li", { text: step }))),
          h("p", {}, h("a", { href: exerciseUrl(exercise.id), text: `More about ${exercise.name}` })));
      })),
      h("h2", { text: "Stay safe" }),
      safetyBox(safety, "p", true),
      h("details", { class: "patient-edit" },
        h("summary", { text: "For your physiotherapist" }),
        h("button", { type: "button", class: "md-button", onclick: () => setMode("editor", "edit-title") }, "Edit this programme")),
    ].filter(Boolean));
  }
  function actionButtons() {
    return h("div", { class: "builder-actions programme-actions" },
      h("button", { type: "button", class: "md-button md-button--primary", onclick: () => shareAfterAsking(() => printSheet("standard")) }, "Print"),
      h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(() => printSheet("large")) }, "Print in large print"),
      h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(downloadCalendar) }, "Add reminders to your calendar"));
  }
  // Before the therapist shares a programme with no condition chosen, ask: the patient would
  // see general safety advice only. Nothing is ever chosen for them.
  const shareAsk = h("div", { class: "builder-ask", role: "alert" });
  shareAsk.hidden = true;
  function shareAfterAsking(action) {
    if (mode !== "editor" || !state.items.length || state.conditions.length || generalAgreed) {
      shareAsk.hidden = true;
      return action();
    }
    shareAsk.replaceChildren(
      h("p", { text: "No condition is chosen, so the patient will see general safety advice only, not the warning signs that go with a condition." }),
      h("div", { class: "builder-actions" },
        h("button", { type: "button", class: "md-button md-button--primary", onclick: () => {
          shareAsk.hidden = true;
          conditionsBox.querySelector('input[tabindex="0"]')?.focus();
        } }, "Choose what it is for"),
        h("button", { type: "button", class: "md-button", onclick: () => {
          generalAgreed = true;
          shareAsk.hidden = true;
          action();
        } }, "Go ahead with general advice")));
    shareAsk.hidden = false;
    shareAsk.querySelector("button").focus();
    return undefined;
  }

  // ---- The editor ----
  const editor = h("div", { class: "builder-editor screen-only" });
  const titleInput = h("input", { type: "text", autocomplete: "off", "data-focus-key": "edit-title" });
  const instructionsInput = h("textarea", { rows: 3 });
  const therapistInput = h("input", { type: "text", autocomplete: "off" });
  const startInput = h("input", { type: "date" });
  const weeksInput = numberInput(4, limits.weeks, () => {
    state.weeks = clamp(weeksInput.value, limits.weeks, programmeWeeks());
    weeksInput.value = state.weeks;
    commit({ announce: `For ${P.weeksText(state.weeks)}.` });
  });
  // The kinds of frequency a select offers: every day, on work days only (Monday to Friday), or
  // days a week; `frequencyKindOf` and `frequencyOfKind` go between a kind and a frequency.
  const FREQUENCY_KINDS = [["day", "Times a day"], ["workday", "Times a day, Monday to Friday"], ["week", "Days a week"]];
  const frequencyKindOf = (f) => (f.times_per_day == null ? "week" : f.work_days ? "workday" : "day");
  const frequencyOfKind = (kind, value) => (kind === "week"
    ? { times_per_day: null, days_per_week: value ?? 3, work_days: false }
    : { times_per_day: value ?? 1, days_per_week: null, work_days: kind === "workday" });
  // The programme-wide frequency sets every exercise's own: there is one frequency story.
  function setAllFrequencies(frequency) {
    for (const item of state.items) item.dosage = { ...item.dosage, ...frequency };
    commit({ structure: true, focus: "programme-often", announce: `Every exercise: ${howOften()}.` });
  }
  const frequencyKind = select([["", "As set for each exercise"], ...FREQUENCY_KINDS], "", () => {
    if (!frequencyKind.value) return commit();
    setAllFrequencies(frequencyOfKind(frequencyKind.value));
  });
  frequencyKind.setAttribute("data-focus-key", "programme-often");
  const frequencyValue = numberInput(1, limits.perDay, () => {
    const day = frequencyKind.value !== "week";
    const value = clamp(frequencyValue.value, day ? limits.perDay : limits.perWeek, 1);
    frequencyValue.value = value;
    setAllFrequencies(frequencyOfKind(frequencyKind.value, value));
  });
  const conditionsBox = h("fieldset", { class: "builder-conditions" });
  // The results are one list box (one Tab stop): the search box drives it as a combobox, and
  // the list itself takes arrow keys; the active option is named by aria-activedescendant.
  const results = h("ul", { class: "builder-results", id: "builder-results", role: "listbox", tabindex: "0", "aria-label": "Matching exercises", "data-focus-key": "results" });
  const searchInput = h("input", {
    type: "search", autocomplete: "off", role: "combobox", "aria-controls": results.id, "aria-expanded": "true",
    "aria-autocomplete": "list", "data-focus-key": "search",
  });
  const filters = {};
  let activeResult = ""; // the exercise id of the active option
  const resultCount = h("p", { class: "builder-count", "aria-live": "polite" });
  const programme = h("ol", { class: "builder-programme" });
  const programmeHeading = h("h2", { id: "programme-heading", tabindex: "-1", text: "The programme" });
  const emptyNote = h("p", { class: "builder-empty", text: "No exercises yet. Add them from the list above, or start from a ready-made routine." });
  const clearButton = h("button", { type: "button", class: "md-button", onclick: clearAll }, "Clear all");
  const linkInput = h("input", { type: "text", readonly: true, class: "builder-link" });
  const linkRoom = h("p", { class: "builder-hint builder-room" });
  const copyStatus = h("span", { class: "builder-status", role: "status" });
  const qrScreen = h("div", { class: "builder-qr" });
  const startFrom = h("select", {});

  // Text fields: tidy the text, keep it within its length and the link's room, say what changed.
  // `trial(value)` is the programme with that text; `store(value)` keeps it.
  function textField(input, { limit, multiline = false, trial, store }) {
    input.addEventListener("input", () => showRoom(trial(P.clean(input.value, multiline))));
    input.addEventListener("change", () => {
      const cleaned = P.clean(input.value, multiline);
      let value = P.cut(cleaned, limit);
      let note = value !== cleaned ? `Shortened to ${limit} characters.` : "";
      while (value && !fits(trial(value))) {
        value = P.cut(value, P.characters(value).length - 1);
        note = "Shortened to fit in the link.";
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
  function programmeText(input, field, multiline = false) {
    textField(input, {
      limit: limits.text[field], multiline,
      trial: (value) => ({ ...state, [field]: value }),
      store: (value) => { state[field] = value; },
    });
  }
  function showRoom(trial = state) {
    const used = programmeUrl(trial).length;
    linkRoom.textContent = `The link uses ${used.toLocaleString("en")} of ${limits.link.toLocaleString("en")} characters.`;
    linkRoom.classList.toggle("builder-room--full", used > limits.link);
    if (used > limits.link) linkRoom.textContent += " Too long: it will be shortened when you leave the field.";
  }

  function renderConditions() {
    const suggested = new Set(suggestedConditions());
    conditionsBox.replaceChildren(h("legend", { text: "What the programme is for (sets the warning signs)" }),
      ...catalog.conditions.map((condition) => {
        const id = `condition-${condition.id}`;
        return h("div", { class: "builder-check" },
          h("input", {
            type: "checkbox", id, checked: state.conditions.includes(condition.id), "data-focus-key": id, tabindex: "-1",
            onchange: (event) => {
              generalAgreed = false;
              state.conditions = catalog.conditions.map((c) => c.id)
                .filter((cid) => (cid === condition.id ? event.target.checked : state.conditions.includes(cid)));
              commit({ announce: `${condition.name} ${event.target.checked ? "chosen" : "no longer chosen"}. The warning signs are updated.` });
            },
          }),
          h("label", { for: id, text: condition.name + (suggested.has(condition.id) ? " (suggested)" : "") }));
      }));
    const boxes = [...conditionsBox.querySelectorAll("input")];
    (boxes.find((box) => box.id === rovingCondition) || boxes.find((box) => box.checked) || boxes[0])?.setAttribute("tabindex", "0");
  }
  // The conditions are one Tab stop: Up and Down (or a letter, to the next name starting with
  // it) move between them, Space ticks.
  let rovingCondition = "";
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

  // ---- Search ----
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
  function renderResults() {
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
    h("span", { class: "builder-result-meta", id: `result-${exercise.id}-meta`, text: `${labels.levels[exercise.level]}; ${exercise.body_regions.map((r) => labels.body_regions[r]).join(", ")}` }),
    h("span", { class: "md-button builder-add", "aria-hidden": "true" }, "Add"))));
    // The active option stays where it was if it still matches, else the first match.
    const ids = found.map((exercise) => exercise.id);
    setActiveResult(ids.includes(activeResult) ? activeResult : ids[0] || "");
    resultCount.textContent = `${found.length} ${found.length === 1 ? "exercise matches" : "exercises match"}.`
      + (full ? ` The programme is full (${limits.items} exercises).` : "");
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
  }

  // ---- Programme editing ----
  function addExercise(id, from = "search") {
    const exercise = lookup.exerciseById.get(id);
    if (state.items.length >= limits.items) return say(`The programme is full (${limits.items} exercises).`);
    const already = state.items.findIndex((item) => item.id === id);
    const items = [...state.items, { id, dosage: P.dosageFromCatalog(exercise.dosage), note: "" }];
    if (!fits({ ...state, items })) {
      return say("The link has no room for another exercise. Shorten a note or the instructions first.");
    }
    state.items = items;
    refreshDefaults();
    const twice = already >= 0 ? ` Note: ${exercise.name} was already number ${already + 1} in the programme.` : "";
    commit({ structure: true, focus: from, announce: `${exercise.name} added. ${state.items.length} of ${limits.items} exercises.${twice}` });
    if (twice) showNotice(twice.trim());
  }
  const notice = h("p", { class: "builder-notice", role: "status" });
  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }
  function move(index, step) {
    const target = index + step;
    if (target < 0 || target >= state.items.length) return;
    const [item] = state.items.splice(index, 1);
    state.items.splice(target, 0, item);
    const name = lookup.exerciseById.get(item.id).name;
    const focus = state.items.length > 1 ? `${target}-${(step < 0 && target > 0) || target === state.items.length - 1 ? "up" : "down"}` : null;
    commit({ structure: true, focus, announce: `${name} moved to position ${target + 1}.` });
  }
  function remove(index) {
    const [item] = state.items.splice(index, 1);
    refreshDefaults();
    const focus = state.items.length ? `${Math.min(index, state.items.length - 1)}-remove` : "heading";
    commit({ structure: true, focus, announce: `${lookup.exerciseById.get(item.id).name} removed. ${state.items.length} exercises in the programme.` });
  }
  function clearAll() {
    if (!state.items.length && !state.title && !state.instructions) return;
    state = P.emptyState();
    fillDetails();
    showNotice("");
    commit({ structure: true, focus: "heading", announce: "The programme was cleared." });
  }
  function startFromRoutine() {
    const routine = catalog.routines.find((r) => r.id === startFrom.value);
    if (!routine) return;
    state = {
      ...P.emptyState(),
      title: routine.name,
      therapist: state.therapist,
      start: state.start,
      frequency: P.frequencyOf(routine.frequency),
      weeks: routine.duration_weeks,
      conditions: [...routine.for],
      items: routine.items.map((item) => ({ id: item.exercise, dosage: withOverride(lookup.exerciseById.get(item.exercise).dosage, item.dosage), note: item.note || "" })),
    };
    fillDetails();
    // Next, the therapist types the title for this patient.
    commit({ structure: true, focus: "edit-title", announce: `Started from "${routine.name}": ${state.items.length} exercises. Now the title for the patient.` });
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

  function setDosage(index, changes, announce) {
    const item = state.items[index];
    item.dosage = { ...item.dosage, ...changes };
    const phrase = programme.children[index]?.querySelector(".builder-item-dosage");
    if (phrase) phrase.textContent = `${P.describeDosage(item.dosage)}.`;
    commit({ announce: announce ?? `${lookup.exerciseById.get(item.id).name}: ${P.describeDosage(item.dosage)}.` });
  }
  function dosageControls(item, index) {
    const d = item.dosage;
    const name = lookup.exerciseById.get(item.id).name;
    const kind = d.reps != null ? "reps" : d.hold_seconds != null ? "hold" : "minutes";
    const amount = d.reps ?? d.hold_seconds ?? d.minutes;
    const fkind = frequencyKindOf(d);
    const field = { reps: "reps", hold: "hold_seconds", minutes: "minutes" };
    const amountLimits = limits[kind];
    item.remembered = item.remembered || {};
    item.remembered[kind] = amount;
    const group = h("fieldset", { class: "builder-dosage" }, h("legend", { text: `How much: ${name}` }));
    group.append(
      labelled("Sets", numberInput(d.sets, limits.sets, (e) => {
        const sets = clamp(e.target.value, limits.sets, d.sets);
        e.target.value = sets;
        setDosage(index, { sets });
      }, `${index}-sets`)),
      labelled("Each set is", select([["reps", "Repetitions"], ["hold", "A hold (seconds)"], ["minutes", "Minutes"]], kind, (e) => {
        const next = e.target.value;
        const value = clamp(item.remembered[next] ?? amount, limits[next], limits[next][0]);
        item.dosage = { ...item.dosage, reps: null, hold_seconds: null, minutes: null, [field[next]]: value };
        commit({ structure: "item", item: index, focus: `${index}-kind`, announce: `${name}: ${P.describeDosage(item.dosage)}.` });
      })),
      labelled({ reps: "Repetitions", hold: "Hold (seconds)", minutes: "Minutes" }[kind], numberInput(amount, amountLimits, (e) => {
        const value = clamp(e.target.value, amountLimits, amount);
        e.target.value = value;
        item.remembered[kind] = value;
        setDosage(index, { [field[kind]]: value });
      }, `${index}-amount`)),
      labelled("Rest between sets (seconds)", numberInput(d.rest_seconds, limits.rest, (e) => {
        const rest = e.target.value === "" ? null : clamp(e.target.value, limits.rest, d.rest_seconds);
        e.target.value = rest ?? "";
        setDosage(index, { rest_seconds: rest });
      }, `${index}-rest`)),
      labelled("How often", select(FREQUENCY_KINDS, fkind, (e) => {
        const day = e.target.value !== "week";
        item.dosage = { ...item.dosage, ...frequencyOfKind(e.target.value, day ? d.times_per_day ?? undefined : undefined) };
        commit({ structure: "item", item: index, focus: `${index}-often`, announce: `${name}: ${P.describeDosage(item.dosage)}.` });
      })),
      labelled(fkind === "week" ? "Days a week" : "Times a day", numberInput(d.times_per_day ?? d.days_per_week, fkind === "week" ? limits.perWeek : limits.perDay, (e) => {
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
        h("label", { text: "On each side" })),
    );
    const checkbox = group.querySelector("input[type=checkbox]");
    checkbox.nextElementSibling.setAttribute("for", checkbox.id);
    group.querySelectorAll("select")[0].setAttribute("data-focus-key", `${index}-kind`);
    group.querySelectorAll("select")[1].setAttribute("data-focus-key", `${index}-often`);
    return group;
  }
  function programmeItem(item, index) {
    const exercise = lookup.exerciseById.get(item.id);
    const noteInput = h("input", { type: "text", value: item.note, "data-focus-key": `${index}-note` });
    const noteField = labelled(`Note for ${exercise.name} (optional)`, noteInput);
    textField(noteInput, {
      limit: limits.text.note,
      trial: (note) => ({ ...state, items: state.items.map((it, i) => (i === index ? { ...it, note } : it)) }),
      store: (note) => { item.note = note; },
    });
    return h("li", { class: "builder-item", "data-exercise": item.id },
      h("h3", { text: exercise.name }),
      h("p", { class: "dosage" }, h("strong", { class: "builder-item-dosage", text: `${P.describeDosage(item.dosage)}.` })),
      dosageControls(item, index),
      noteField,
      h("div", { class: "builder-actions" },
        h("button", { type: "button", class: "md-button", "data-focus-key": `${index}-up`, disabled: index === 0, "aria-label": `Move ${exercise.name} up`, onclick: () => move(index, -1) }, "Move up"),
        h("button", { type: "button", class: "md-button", "data-focus-key": `${index}-down`, disabled: index === state.items.length - 1, "aria-label": `Move ${exercise.name} down`, onclick: () => move(index, 1) }, "Move down"),
        h("button", { type: "button", class: "md-button", "data-focus-key": `${index}-remove`, "aria-label": `Remove ${exercise.name}`, onclick: () => remove(index) }, "Remove")));
  }
  function renderProgramme() {
    programme.replaceChildren(...state.items.map(programmeItem));
    emptyNote.hidden = state.items.length > 0;
    clearButton.disabled = !state.items.length && !state.title && !state.instructions;
  }
  function focusOn(key) {
    if (!key) return;
    if (key === "heading") return programmeHeading.focus({ preventScroll: false });
    const target = root.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
    if (target && !target.disabled) target.focus({ preventScroll: true });
    else programmeHeading.focus();
  }

  // ---- The link, its QR code and the printed sheet, rebuilt on every change ----
  function qrSvg(text, label) {
    const code = qrcode(0, "L");
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
  const sheet = h("div", { class: "programme-sheet print-only" });
  function fill(node, slot, text) {
    const target = node.querySelector(`[data-slot="${slot}"]`);
    if (target) target.textContent = text;
    return target;
  }
  function renderSheet() {
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
      const exercise = lookup.exerciseById.get(item.id);
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
    // The QR code only where it prints at 0.35 mm a module or more within its room; otherwise
    // a short address to type.
    // Its label and the other caption are the sheet's words (data-label, data-address).
    const qrSlot = page.querySelector('[data-slot="qr"]');
    const qr = printableQr(programmeUrl(), qrSlot.dataset.label);
    qrPrinted = Boolean(qr);
    if (qr) qrSlot.append(qr);
    else {
      qrSlot.append(h("strong", { class: "sheet-address", text: shortAddress() }));
      const caption = page.querySelector('[data-slot="qr-caption"]');
      caption.textContent = caption.dataset.address;
    }
    sheet.replaceChildren(page);
    sheetReady = true;
  }
  // The site's address without "https://" and the trailing slash: short enough to type.
  const shortAddress = () => siteUrl("").replace(/^https?:\/\//, "").replace(/\/$/, "");
  function qrOrNull(text, label) {
    try {
      return qrSvg(text, label);
    } catch {
      return null; // longer than any QR code holds
    }
  }
  function printableQr(text, label) {
    const qr = qrOrNull(text, label);
    if (!qr) return null;
    const side = Math.max(limits.qr.min_mm, (Number(qr.dataset.modules) + 8) * limits.qr.module_mm);
    if (Math.ceil(side * 10) / 10 > limits.qr.max_mm) return null;
    qr.style.setProperty("--qr-size", `${(Math.ceil(side * 10) / 10).toFixed(1)}mm`); // never below
    return qr;
  }
  function printSheet(size) {
    if (!sheetReady || !state.items.length) {
      showNotice(state.items.length ? "The printed sheet could not be made: shorten the notes or the instructions, then print again." : "Add at least one exercise before printing.");
      say(notice.textContent);
      return;
    }
    window.clinicPrint(size);
  }
  function downloadCalendar() {
    if (!state.items.length) return;
    const lines = state.items.map((item, i) => `${i + 1}. ${lookup.exerciseById.get(item.id).name}: ${P.describeDosage(item.dosage)}`);
    const text = P.makeCalendar({
      title: title(),
      groups: P.frequencyGroups(state.items.map((item, i) => [item.dosage, lines[i]])),
      weeks: programmeWeeks(),
      pageUrl: programmeUrl(),
      start: state.start || P.today(),
      stamp: new Date(),
      // One id per programme: the same file downloaded twice updates, never duplicates.
      uidBase: `programme-${P.digest(P.encodeState({ ...state, start: "" }))}`,
    }, rules);
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    const link = h("a", { href: url, download: "home-exercises.ics" });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    say("Calendar file made. Open it to add the reminders to your calendar.");
  }

  function commit({ structure = false, item, focus, announce } = {}) {
    // Only the therapist's changes rewrite the address; the link a patient opened stays as it is.
    const hash = P.encodeState(state);
    if (!opening && mode === "editor" && window.location.hash !== hash) history.replaceState(null, "", hash);
    if (structure === "item") {
      programme.children[item]?.replaceWith(programmeItem(state.items[item], item));
    } else if (structure) {
      renderProgramme();
      renderResults();
      renderConditions();
    }
    const shared = programmeFrequency();
    frequencyKind.value = !shared ? "" : frequencyKindOf(shared);
    frequencyValue.disabled = !shared;
    frequencyValue.max = frequencyKind.value === "week" ? limits.perWeek[1] : limits.perDay[1];
    frequencyValue.value = shared ? shared.times_per_day ?? shared.days_per_week : "";
    weeksInput.value = programmeWeeks();
    linkInput.value = programmeUrl();
    showRoom();
    qrScreen.replaceChildren((state.items.length && qrOrNull(programmeUrl(), "QR code of the programme link")) || "");
    if (mode === "patient") renderPatientView();
    else renderEditorSafety();
    renderSheet();
    focusOn(focus);
    if (announce) say(announce);
  }
  const editorSafety = h("div", { class: "builder-safety" });
  function renderEditorSafety() {
    editorSafety.replaceChildren(
      h("p", { text: "This is the safety advice the patient sees and the sheet prints:" }),
      safetyBox(P.safetyFor(state, lookup, settings.merge), "p"));
  }

  function fillDetails() {
    titleInput.value = state.title;
    instructionsInput.value = state.instructions;
    therapistInput.value = state.therapist;
    startInput.value = state.start;
  }
  function setMode(next, focus) {
    mode = next;
    const editing = mode === "editor";
    editor.hidden = !editing;
    patientView.hidden = editing;
    for (const node of document.querySelectorAll(".builder-intro")) node.hidden = !editing;
    document.title = editing ? "Build a home routine" : `${title()} - ${clinic.name}`;
    if (editing) {
      renderResults();
      renderConditions();
      renderEditorSafety();
    } else renderPatientView();
    if (focus) focusOn(focus);
    else if (!editing) document.getElementById("patient-title")?.focus();
  }

  function build() {
    filters.region = select([["", "Any body area"], ...Object.entries(labels.body_regions)], "", renderResults);
    filters.goal = select([["", "Any type"], ...Object.entries(labels.goals)], "", renderResults);
    filters.level = select([["", "Any level"], ...Object.entries(labels.levels).map(([k, v]) => [k, `${v} (${k})`])], "", renderResults);
    filters.equipment = select([["", "Any equipment"], ["none", "No equipment (a mat is fine)"], ...Object.entries(labels.equipment)], "", renderResults);
    searchInput.addEventListener("input", renderResults);
    searchInput.addEventListener("keydown", (event) => resultKey(event, false));
    results.addEventListener("keydown", (event) => resultKey(event, true));
    programmeText(titleInput, "title");
    programmeText(instructionsInput, "instructions", true);
    programmeText(therapistInput, "therapist");
    startInput.addEventListener("change", () => {
      state.start = /^\d{4}-\d{2}-\d{2}$/.test(startInput.value) ? startInput.value : "";
      commit({ announce: state.start ? `Start date ${readableDate(state.start)}.` : "No start date." });
    });
    startFrom.append(h("option", { value: "", text: "Choose a routine" }), ...catalog.routines.map((r) => h("option", { value: r.id, text: r.name })));
    const copyButton = h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(async () => {
      linkInput.select();
      let text = "Link copied.";
      try {
        await navigator.clipboard.writeText(linkInput.value);
      } catch {
        text = "Press Ctrl+C (or Cmd+C) to copy the selected link.";
      }
      copyStatus.textContent = text;
      window.setTimeout(() => { copyStatus.textContent = ""; }, 4000);
    }) }, "Copy link");
    editor.append(
      h("section", { class: "builder-section", "aria-labelledby": "builder-start" },
        h("h2", { id: "builder-start", text: "Start from a ready-made routine" }),
        labelled("Routine", startFrom, "Replaces the exercises below with the routine's, which you can then change."),
        h("button", { type: "button", class: "md-button", onclick: startFromRoutine }, "Use this routine")),
      h("section", { class: "builder-section", "aria-labelledby": "builder-details" },
        h("h2", { id: "builder-details", text: "About the programme" }),
        labelled("Title for the patient", titleInput, "For example: Your back programme. Do not use the patient's name."),
        labelled("Instructions for the patient", instructionsInput),
        h("div", { class: "builder-filters" },
          labelled("Therapist (printed on the sheet)", therapistInput),
          labelled("Start date", startInput),
          labelled("How often", frequencyKind),
          labelled("Number", frequencyValue),
          labelled("For how many weeks", weeksInput)),
        conditionsBox,
        editorSafety),
      h("section", { class: "builder-section", "aria-labelledby": "builder-find" },
        h("h2", { id: "builder-find", text: "Find exercises" }),
        labelled("Search by name", searchInput),
        h("div", { class: "builder-filters" },
          labelled("Body area", filters.region), labelled("Type", filters.goal),
          labelled("Level", filters.level), labelled("Equipment", filters.equipment)),
        resultCount, results),
      h("section", { class: "builder-section", "aria-labelledby": "programme-heading" },
        programmeHeading, notice, emptyNote, programme, h("div", { class: "builder-actions" }, clearButton)),
      h("section", { class: "builder-section", "aria-labelledby": "builder-share" },
        h("h2", { id: "builder-share", text: "Share and print" }),
        labelled("Link to this programme", linkInput, "Send this link to the patient. It opens a page made for them."),
        linkRoom,
        shareAsk,
        h("div", { class: "builder-actions" }, copyButton, copyStatus),
        actionButtons(),
        h("div", { class: "builder-actions" }, h("button", { type: "button", class: "md-button", onclick: () => shareAfterAsking(() => setMode("patient")) }, "Show the patient's view")),
        qrScreen),
    );
    showNotice("");
    root.replaceChildren(live, messages, patientView, editor, sheet);
    loadFromLink();
  }

  // Open the programme in the link: keep what is valid, say what was not.
  function loadFromLink() {
    const decoded = P.decodeState(window.location.hash, lookup, limits);
    state = decoded.state;
    refreshDefaults();
    fillDetails();
    // A link made before the length cap (old `v1` links) opens whole; only its QR code is lost.
    if (state.items.length && programmeUrl().length > limits.link) {
      decoded.problems.push(`This link is longer than the builder makes now (${limits.link.toLocaleString("en")} characters), so the printed sheet has no QR code: it prints the website's address instead. Everything in the link is shown.`);
    }
    showProblems(decoded.problems);
    mode = state.items.length ? "patient" : "editor";
    opening = true;
    try {
      commit({ structure: true });
      // An empty builder: the therapist types the title first.
      setMode(mode, mode === "editor" && !decoded.problems.length ? "edit-title" : undefined);
    } finally {
      opening = false;
    }
  }
  // Only a programme link opens a programme: an in-page link ("Skip to content", a heading's
  // anchor) scrolls to its target and leaves the programme and the address as they are.
  const isProgramme = (hash) => /^#v\d+(;|$)/.test(hash);
  window.addEventListener("hashchange", () => {
    if (catalog && isProgramme(window.location.hash) && window.location.hash !== P.encodeState(state)) loadFromLink();
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

  fetch(siteUrl(paths.catalog))
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then((data) => {
      catalog = data;
      lookup.exerciseById = new Map(data.exercises.map((exercise) => [exercise.id, exercise]));
      lookup.conditionById = new Map(data.conditions.map((condition) => [condition.id, condition]));
      build();
    })
    .catch((error) => {
      root.replaceChildren(h("p", { role: "alert", text: "The exercise list could not be loaded. Check your connection and reload the page." }));
      if (window.console) console.error(error);
    });
})();
