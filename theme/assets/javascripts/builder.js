// Routine builder: a therapist assembles a home routine for one patient.
// The whole programme lives in the URL fragment (after "#"), which browsers never send to a
// server. Nothing is stored, nothing is sent. The catalog comes from the site's own
// /api/catalog.json. QR codes are drawn with the self-hosted qrcode-generator library.
"use strict";

(() => {
  const root = document.getElementById("routine-builder");
  if (!root) return;

  const MAX_ITEMS = 8;
  const FORMAT = "v1";
  const LIMITS = {
    sets: [1, 10], reps: [1, 100], hold: [1, 600], minutes: [1, 120], rest: [0, 600],
    perDay: [1, 10], perWeek: [1, 7],
  };
  const settings = JSON.parse(document.getElementById("builder-settings").textContent);
  const labels = settings.labels;

  // ---- Dosage phrasing: mirrors generator/dosage.py word for word (tested). ----
  const plural = (n, noun) => (n === 1 ? `${n} ${noun}` : `${n} ${noun}s`);
  const duration = (s) => (s >= 60 && s % 60 === 0 ? plural(s / 60, "minute") : plural(s, "second"));
  function describeAmount(d) {
    const side = d.per_side ? " on each side" : "";
    if (d.reps != null) return `${plural(d.sets, "set")} of ${plural(d.reps, "repetition")}${side}`;
    if (d.hold_seconds != null) {
      const times = d.sets === 1 ? "once" : `${d.sets} times`;
      return `hold for ${duration(d.hold_seconds)}, ${times}${side}`;
    }
    const minutes = plural(d.minutes, "minute");
    return d.sets === 1 ? `${minutes}${side}` : `${plural(d.sets, "set")} of ${minutes}${side}`;
  }
  function describeRest(d) {
    if (d.rest_seconds == null || d.rest_seconds === 0 || d.sets === 1) return null;
    const between = d.hold_seconds != null ? "holds" : "sets";
    return `rest ${duration(d.rest_seconds)} between ${between}`;
  }
  function describeFrequency(d) {
    if (d.times_per_day != null) {
      const words = { 1: "once", 2: "twice" };
      return `${words[d.times_per_day] || `${d.times_per_day} times`} a day`;
    }
    if (d.days_per_week === 7) return "every day";
    return `${plural(d.days_per_week, "day")} a week`;
  }
  function describeDosage(d) {
    const text = [describeAmount(d), describeRest(d), describeFrequency(d)].filter(Boolean).join("; ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  window.clinicDescribeDosage = describeDosage; // for tests: same phrase as the Python side

  // ---- State <-> URL fragment ----
  // #v1;t=<title>;n=<instructions>;e=<id>,<sets>,<r|h|m><amount>,<rest>,<d|w><freq>,<side 0|1>,<note>
  const enc = (s) => encodeURIComponent(s);
  let catalog = null;
  let byId = new Map();
  let state = { title: "", instructions: "", items: [] };

  function inRange(value, [low, high]) {
    return Number.isInteger(value) && value >= low && value <= high;
  }
  function dosageFromCatalog(d) {
    return {
      sets: d.sets,
      reps: d.reps ?? null,
      hold_seconds: d.hold_seconds ?? null,
      minutes: d.minutes ?? null,
      rest_seconds: d.rest_seconds ?? null,
      per_side: Boolean(d.per_side),
      times_per_day: d.times_per_day ?? null,
      days_per_week: d.days_per_week ?? null,
    };
  }
  function encodeItem(item) {
    const d = item.dosage;
    const amount = d.reps != null ? `r${d.reps}` : d.hold_seconds != null ? `h${d.hold_seconds}` : `m${d.minutes}`;
    const freq = d.times_per_day != null ? `d${d.times_per_day}` : `w${d.days_per_week}`;
    return ["e=" + item.id, d.sets, amount, d.rest_seconds ?? "", freq, d.per_side ? 1 : 0, enc(item.note)].join(",");
  }
  function encodeState(s) {
    const parts = [FORMAT];
    if (s.title) parts.push("t=" + enc(s.title));
    if (s.instructions) parts.push("n=" + enc(s.instructions));
    for (const item of s.items) parts.push(encodeItem(item));
    return "#" + parts.join(";");
  }
  function parseInteger(text) {
    return /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  }
  function decodeDosage(fields) {
    const [sets, amount, rest, freq, side] = fields;
    const d = {
      sets: parseInteger(sets), reps: null, hold_seconds: null, minutes: null,
      rest_seconds: rest === "" ? null : parseInteger(rest), per_side: side === "1",
      times_per_day: null, days_per_week: null,
    };
    const amountValue = parseInteger((amount || "").slice(1));
    const freqValue = parseInteger((freq || "").slice(1));
    const kind = (amount || "").charAt(0);
    if (kind === "r") d.reps = amountValue;
    else if (kind === "h") d.hold_seconds = amountValue;
    else if (kind === "m") d.minutes = amountValue;
    else return null;
    const fkind = (freq || "").charAt(0);
    if (fkind === "d") d.times_per_day = freqValue;
    else if (fkind === "w") d.days_per_week = freqValue;
    else return null;
    const ok = inRange(d.sets, LIMITS.sets)
      && (d.reps == null || inRange(d.reps, LIMITS.reps))
      && (d.hold_seconds == null || inRange(d.hold_seconds, LIMITS.hold))
      && (d.minutes == null || inRange(d.minutes, LIMITS.minutes))
      && (d.rest_seconds == null || inRange(d.rest_seconds, LIMITS.rest))
      && (d.times_per_day == null || inRange(d.times_per_day, LIMITS.perDay))
      && (d.days_per_week == null || inRange(d.days_per_week, LIMITS.perWeek))
      && (side === "0" || side === "1");
    return ok ? d : null;
  }
  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  function decodeState(hash) {
    const problems = [];
    const result = { title: "", instructions: "", items: [] };
    const body = hash.replace(/^#/, "");
    if (!body) return { state: result, problems };
    const parts = body.split(";");
    if (parts[0] !== FORMAT) {
      problems.push("This link was made by a different version of the builder and could not be read.");
      return { state: result, problems };
    }
    for (const part of parts.slice(1)) {
      if (part.startsWith("t=")) {
        result.title = (safeDecode(part.slice(2)) ?? "").slice(0, 120);
      } else if (part.startsWith("n=")) {
        result.instructions = (safeDecode(part.slice(2)) ?? "").slice(0, 1000);
      } else if (part.startsWith("e=")) {
        const fields = part.slice(2).split(",");
        const id = fields[0];
        const exercise = byId.get(id);
        if (!exercise) {
          problems.push(`The link names an exercise that is not on this site ("${id.slice(0, 40)}"), so it was left out.`);
          continue;
        }
        if (result.items.length >= MAX_ITEMS) {
          problems.push(`A routine has at most ${MAX_ITEMS} exercises; "${exercise.name}" and any after it were left out.`);
          break;
        }
        let dosage = decodeDosage(fields.slice(1, 6));
        if (!dosage) {
          problems.push(`The amount for "${exercise.name}" in the link was not valid, so its usual amount is shown.`);
          dosage = dosageFromCatalog(exercise.dosage);
        }
        const note = (safeDecode(fields.slice(6).join(",")) ?? "").slice(0, 300);
        result.items.push({ id, dosage, note });
      } else if (part) {
        problems.push("Part of the link could not be read and was ignored.");
      }
    }
    return { state: result, problems };
  }

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
    for (const child of children.flat()) {
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
    if (hint) {
      const hintId = newId("hint");
      control.setAttribute("aria-describedby", hintId);
      wrapper.append(h("p", { class: "builder-hint", id: hintId, text: hint }));
    }
    return wrapper;
  }
  function select(options, value, onchange) {
    const node = h("select", { onchange });
    for (const [optionValue, text] of options) {
      node.append(h("option", { value: optionValue, text, selected: optionValue === value }));
    }
    return node;
  }
  function numberInput(value, [low, high], onchange) {
    return h("input", { type: "number", inputmode: "numeric", min: low, max: high, step: 1, value: value ?? "", onchange });
  }

  // ---- Layout ----
  const live = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
  const messages = h("div", { class: "builder-messages", "aria-live": "assertive" });
  const titleInput = h("input", { type: "text", maxlength: 120, autocomplete: "off" });
  const instructionsInput = h("textarea", { rows: 3, maxlength: 1000 });
  const searchInput = h("input", { type: "search", autocomplete: "off" });
  const filters = {};
  const results = h("ul", { class: "builder-results", "aria-label": "Matching exercises" });
  const resultCount = h("p", { class: "builder-count", "aria-live": "polite" });
  const programme = h("ol", { class: "builder-programme" });
  const programmeHeading = h("h2", { id: "programme-heading", tabindex: "-1", text: "The routine" });
  const emptyNote = h("p", { class: "builder-empty", text: "No exercises yet. Add them from the list above." });
  const linkInput = h("input", { type: "text", readonly: true, class: "builder-link" });
  const copyButton = h("button", { type: "button", class: "md-button", text: "Copy link" });
  const printButton = h("button", { type: "button", class: "md-button md-button--primary", text: "Print this routine" });
  const qrScreen = h("div", { class: "builder-qr" });
  const handout = h("div", { class: "handout print-only" });

  function say(text) {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  }
  function showProblems(problems) {
    messages.replaceChildren();
    if (!problems.length) return;
    messages.append(
      h("div", { class: "admonition warning", role: "alert" },
        h("p", { class: "admonition-title", text: "Some of this link could not be used" }),
        h("ul", {}, problems.map((p) => h("li", { text: p }))),
        h("p", { text: "Everything else in the link was kept." })),
    );
  }

  // ---- Search ----
  function matches(exercise, query) {
    if (query) {
      const haystack = [exercise.name, ...(exercise.also_known_as || []), exercise.summary].join(" ").toLowerCase();
      if (!query.split(/\s+/).every((word) => haystack.includes(word))) return false;
    }
    if (filters.region.value && !exercise.body_regions.includes(filters.region.value)) return false;
    if (filters.goal.value && !exercise.goals.includes(filters.goal.value)) return false;
    if (filters.level.value && String(exercise.level) !== filters.level.value) return false;
    if (filters.equipment.value === "none" && (exercise.equipment || []).length) return false;
    if (filters.equipment.value && filters.equipment.value !== "none"
      && !(exercise.equipment || []).includes(filters.equipment.value)) return false;
    return true;
  }
  function renderResults() {
    const query = searchInput.value.trim().toLowerCase();
    const found = catalog.exercises.filter((exercise) => matches(exercise, query));
    const full = state.items.length >= MAX_ITEMS;
    results.replaceChildren(...found.map((exercise) => h("li", {},
      exercise.picture ? h("img", { class: "thumb", src: siteUrl(exercise.picture.thumb_uri || exercise.picture.uri), alt: "", loading: "lazy" }) : null,
      h("span", { class: "builder-result-name", text: exercise.name }),
      h("span", { class: "builder-result-meta", text: `${labels.levels[exercise.level]}; ${exercise.body_regions.map((r) => labels.body_regions[r]).join(", ")}` }),
      h("button", {
        type: "button", class: "md-button builder-add", disabled: full,
        "aria-label": `Add ${exercise.name}`, onclick: () => addExercise(exercise.id),
      }, "Add"),
    )));
    resultCount.textContent = `${found.length} ${found.length === 1 ? "exercise matches" : "exercises match"}.`
      + (full ? ` The routine is full (${MAX_ITEMS} exercises).` : "");
  }

  // ---- Programme editing ----
  function update({ focus, announce } = {}) {
    const hash = encodeState(state);
    if (window.location.hash !== hash) history.replaceState(null, "", hash || "#");
    renderProgramme(focus);
    renderResults();
    renderLink();
    renderHandout();
    if (announce) say(announce);
  }
  function addExercise(id) {
    if (state.items.length >= MAX_ITEMS) return;
    const exercise = byId.get(id);
    state.items.push({ id, dosage: dosageFromCatalog(exercise.dosage), note: "" });
    update({ announce: `${exercise.name} added. ${state.items.length} of ${MAX_ITEMS} exercises in the routine.` });
  }
  function move(index, step) {
    const target = index + step;
    if (target < 0 || target >= state.items.length) return;
    const [item] = state.items.splice(index, 1);
    state.items.splice(target, 0, item);
    const name = byId.get(item.id).name;
    update({ focus: [target, step < 0 ? "up" : "down"], announce: `${name} moved to position ${target + 1}.` });
  }
  function remove(index) {
    const [item] = state.items.splice(index, 1);
    const next = state.items.length ? [Math.min(index, state.items.length - 1), "remove"] : ["heading"];
    update({ focus: next, announce: `${byId.get(item.id).name} removed. ${state.items.length} exercises in the routine.` });
  }
  function setDosage(index, changes) {
    const item = state.items[index];
    item.dosage = { ...item.dosage, ...changes };
    update();
  }
  function dosageControls(item, index) {
    const d = item.dosage;
    const name = byId.get(item.id).name;
    const kind = d.reps != null ? "reps" : d.hold_seconds != null ? "hold" : "minutes";
    const amount = d.reps ?? d.hold_seconds ?? d.minutes;
    const fkind = d.times_per_day != null ? "day" : "week";
    const clamp = (value, [low, high], fallback) => {
      const number = Number.parseInt(value, 10);
      return Number.isInteger(number) ? Math.min(high, Math.max(low, number)) : fallback;
    };
    const amountLimits = { reps: LIMITS.reps, hold: LIMITS.hold, minutes: LIMITS.minutes }[kind];
    const group = h("fieldset", { class: "builder-dosage" }, h("legend", { text: `How much: ${name}` }));
    group.append(
      labelled("Sets", numberInput(d.sets, LIMITS.sets, (e) => setDosage(index, { sets: clamp(e.target.value, LIMITS.sets, d.sets) }))),
      labelled("Each set is", select([["reps", "Repetitions"], ["hold", "A hold (seconds)"], ["minutes", "Minutes"]], kind, (e) => {
        const value = e.target.value;
        setDosage(index, {
          reps: value === "reps" ? 10 : null,
          hold_seconds: value === "hold" ? 30 : null,
          minutes: value === "minutes" ? 10 : null,
        });
      })),
      labelled({ reps: "Repetitions", hold: "Hold (seconds)", minutes: "Minutes" }[kind],
        numberInput(amount, amountLimits, (e) => {
          const value = clamp(e.target.value, amountLimits, amount);
          setDosage(index, { reps: kind === "reps" ? value : null, hold_seconds: kind === "hold" ? value : null, minutes: kind === "minutes" ? value : null });
        })),
      labelled("Rest between sets (seconds)", numberInput(d.rest_seconds, LIMITS.rest, (e) => {
        setDosage(index, { rest_seconds: e.target.value === "" ? null : clamp(e.target.value, LIMITS.rest, d.rest_seconds) });
      })),
      labelled("How often", select([["day", "Times a day"], ["week", "Days a week"]], fkind, (e) => {
        setDosage(index, e.target.value === "day" ? { times_per_day: 1, days_per_week: null } : { times_per_day: null, days_per_week: 3 });
      })),
      labelled(fkind === "day" ? "Times a day" : "Days a week", numberInput(d.times_per_day ?? d.days_per_week,
        fkind === "day" ? LIMITS.perDay : LIMITS.perWeek, (e) => {
          if (fkind === "day") setDosage(index, { times_per_day: clamp(e.target.value, LIMITS.perDay, d.times_per_day) });
          else setDosage(index, { days_per_week: clamp(e.target.value, LIMITS.perWeek, d.days_per_week) });
        })),
      h("div", { class: "builder-field builder-check" },
        h("input", { type: "checkbox", id: `side-${index}`, checked: d.per_side, onchange: (e) => setDosage(index, { per_side: e.target.checked }) }),
        h("label", { for: `side-${index}`, text: "On each side" })),
    );
    return group;
  }
  function renderProgramme(focus) {
    programme.replaceChildren(...state.items.map((item, index) => {
      const exercise = byId.get(item.id);
      const noteInput = h("input", { type: "text", maxlength: 300, value: item.note, onchange: (e) => { item.note = e.target.value.trim(); update(); } });
      return h("li", { class: "builder-item", "data-exercise": item.id },
        h("h3", { text: exercise.name }),
        h("p", { class: "dosage" }, h("strong", { text: `${describeDosage(item.dosage)}.` })),
        dosageControls(item, index),
        labelled(`Note for ${exercise.name}`, noteInput),
        h("div", { class: "builder-actions" },
          h("button", { type: "button", class: "md-button", "data-action": "up", disabled: index === 0, "aria-label": `Move ${exercise.name} up`, onclick: () => move(index, -1) }, "Move up"),
          h("button", { type: "button", class: "md-button", "data-action": "down", disabled: index === state.items.length - 1, "aria-label": `Move ${exercise.name} down`, onclick: () => move(index, 1) }, "Move down"),
          h("button", { type: "button", class: "md-button", "data-action": "remove", "aria-label": `Remove ${exercise.name}`, onclick: () => remove(index) }, "Remove"),
        ));
    }));
    emptyNote.hidden = state.items.length > 0;
    if (focus) {
      const [index, action] = focus;
      if (index === "heading") programmeHeading.focus();
      else {
        const buttons = programme.children[index]?.querySelectorAll("button[data-action]") || [];
        const wanted = [...buttons].find((b) => b.dataset.action === action && !b.disabled)
          || [...buttons].find((b) => !b.disabled);
        wanted?.focus();
      }
    }
  }

  // ---- Link and QR ----
  function programmeUrl() {
    return window.location.href.split("#")[0] + encodeState(state);
  }
  function qrSvg(text, label) {
    const code = qrcode(0, "M");
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const size = count + 4;
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("class", "qr-code");
    svg.setAttribute("shape-rendering", "crispEdges");
    const background = document.createElementNS(ns, "rect");
    background.setAttribute("width", size);
    background.setAttribute("height", size);
    background.setAttribute("fill", "#fff");
    svg.append(background);
    let d = "";
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) {
        if (code.isDark(row, col)) d += `M${col + 2} ${row + 2}h1v1h-1z`;
      }
    }
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.append(path);
    return svg;
  }
  function renderLink() {
    const url = programmeUrl();
    linkInput.value = url;
    qrScreen.replaceChildren(state.items.length ? qrSvg(url, "QR code of the routine link") : "");
  }

  // ---- Printed handout: the same layout as the routine pages ----
  function joinSentences(items) {
    const runIn = (s) => {
      const text = s.replace(/[ .;]+$/, "");
      return /^[A-Z][^\sA-Z]*(\s|$)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
    };
    return items.map(runIn).join("; ") + ".";
  }
  // The printed safety box: the short, clinician-written list of the shipped routine that shares
  // most exercises with this programme (every routine has one); failing that, the full lists.
  function handoutSafety() {
    const chosen = new Set(state.items.map((item) => item.id));
    const ranked = catalog.routines
      .filter((routine) => routine.handout)
      .map((routine) => [routine, routine.items.filter((item) => chosen.has(item.exercise)).length]);
    ranked.sort((a, b) => b[1] - a[1]);
    if (ranked.length) return ranked[0][0].handout;
    const condition = catalog.conditions[0];
    const stopIf = [...new Set(state.items.flatMap((item) => byId.get(item.id).stop_if))];
    return { stop_if: stopIf, emergency: condition ? condition.red_flags.emergency : [], urgent: condition ? condition.red_flags.urgent : [] };
  }
  function renderHandout() {
    const clinic = settings.clinic;
    const title = state.title || "Your home exercise routine";
    const safety = handoutSafety();
    const perDay = Math.max(1, ...state.items.map((item) => item.dosage.times_per_day || 1));
    const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const row = (heading) => h("tr", {}, h("th", { scope: "row", text: heading }), days.map(() => h("td")));
    handout.replaceChildren(...[
      h("h1", { text: title }),
      state.instructions ? h("p", { class: "handout-instructions", text: state.instructions }) : null,
      h("div", { class: "routine-items" }, state.items.map((item, index) => {
        const exercise = byId.get(item.id);
        const steps = exercise.short_steps && exercise.short_steps.length ? exercise.short_steps : exercise.steps;
        const list = exercise.short_steps && exercise.short_steps.length ? "ul" : "ol";
        return h("section", { class: "routine-item" },
          exercise.picture ? h("img", { class: "routine-figure", src: siteUrl(exercise.picture.uri), alt: exercise.picture.alt }) : null,
          h("h3", { text: `${index + 1}. ${exercise.name}` }),
          h("p", { class: "dosage" }, h("strong", { text: `${describeDosage(item.dosage)}.` }), item.note ? ` ${item.note}` : ""),
          h(list, {}, steps.map((step) => h("li", { text: step }))));
      })),
      h("div", { class: "handout-row" },
        h("div", { class: "tracker" },
          h("p", {}, h("strong", { text: "My week" }), " (starting ________). Tick each time you do it. Pain: 0 none, 10 worst."),
          h("table", { class: "tracker-grid" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, h("span", { class: "visually-hidden", text: "Row" })), days.map((day) => h("th", { scope: "col", text: day })))),
            h("tbody", {}, Array.from({ length: perDay }, (_, i) => row(`Session ${i + 1}`)), row("Pain 0-10")))),
        h("div", { class: "handout-footer" },
          qrSvg(programmeUrl(), "QR code: scan to open this routine online"),
          h("p", { text: "Scan to open online" }))),
      h("div", { class: "safety-print" },
        h("p", {}, h("strong", { text: "Stop and seek help." }),
          ` Stop and ask ${clinic.name}${clinic.phone ? ` (${clinic.phone})` : ""} for advice if you have: ${joinSentences(safety.stop_if)}`),
        h("p", {}, h("strong", { text: `Seek emergency care now (${clinic.urgent_care.emergency}) if you have:` }), ` ${joinSentences(safety.emergency)}`),
        h("p", {}, h("strong", { text: `Get an urgent same-day appointment (${clinic.urgent_care.urgent}) if you have:` }), ` ${joinSentences(safety.urgent)}`)),
      h("p", { class: "handout-note", text: "Made with the clinic's routine builder. General information, not a substitute for an assessment." }),
    ].filter(Boolean));
  }

  // ---- Start ----
  function build() {
    filters.region = select([["", "Any body area"], ...Object.entries(labels.body_regions)], "", renderResults);
    filters.goal = select([["", "Any type"], ...Object.entries(labels.goals)], "", renderResults);
    filters.level = select([["", "Any level"], ...Object.entries(labels.levels).map(([k, v]) => [k, `${v} (${k})`])], "", renderResults);
    filters.equipment = select([["", "Any equipment"], ["none", "No equipment"], ...Object.entries(labels.equipment)], "", renderResults);
    searchInput.addEventListener("input", renderResults);
    titleInput.addEventListener("change", () => { state.title = titleInput.value.trim(); update(); });
    instructionsInput.addEventListener("change", () => { state.instructions = instructionsInput.value.trim(); update(); });
    copyButton.addEventListener("click", async () => {
      linkInput.select();
      try {
        await navigator.clipboard.writeText(linkInput.value);
        say("Link copied.");
      } catch {
        say("Select the link and copy it.");
      }
    });
    printButton.addEventListener("click", () => window.print());
    root.replaceChildren(
      live, messages,
      h("section", { class: "builder-section screen-only", "aria-labelledby": "builder-details" },
        h("h2", { id: "builder-details", text: "Title and instructions" }),
        labelled("Title for the patient", titleInput, "For example: Your back routine. Do not use the patient's name."),
        labelled("Instructions for the patient", instructionsInput)),
      h("section", { class: "builder-section screen-only", "aria-labelledby": "builder-find" },
        h("h2", { id: "builder-find", text: "Find exercises" }),
        labelled("Search by name", searchInput),
        h("div", { class: "builder-filters" },
          labelled("Body area", filters.region), labelled("Type", filters.goal),
          labelled("Level", filters.level), labelled("Equipment", filters.equipment)),
        resultCount, results),
      h("section", { class: "builder-section screen-only", "aria-labelledby": "programme-heading" },
        programmeHeading, emptyNote, programme),
      h("section", { class: "builder-section screen-only", "aria-labelledby": "builder-share" },
        h("h2", { id: "builder-share", text: "Share and print" }),
        labelled("Link to this routine", linkInput, "Send this link to the patient. It opens this exact routine."),
        h("div", { class: "builder-actions" }, copyButton, printButton),
        qrScreen),
      handout,
    );
    loadFromLink();
  }

  // Open the programme in the link: keep what is valid, say what was not.
  function loadFromLink() {
    const decoded = decodeState(window.location.hash);
    state = decoded.state;
    titleInput.value = state.title;
    instructionsInput.value = state.instructions;
    showProblems(decoded.problems);
    update();
  }

  window.addEventListener("hashchange", () => {
    if (catalog && window.location.hash !== encodeState(state)) loadFromLink();
  });

  function siteUrl(path) {
    const config = document.getElementById("__config");
    const base = config ? JSON.parse(config.textContent).base : "../..";
    return new URL(`${base}/${path}`, window.location.href).href;
  }
  const catalogUrl = () => siteUrl("api/catalog.json");
  fetch(catalogUrl())
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then((data) => {
      catalog = data;
      byId = new Map(data.exercises.map((exercise) => [exercise.id, exercise]));
      build();
    })
    .catch(() => {
      root.replaceChildren(h("p", { role: "alert", text: "The exercise list could not be loaded. Check your connection and reload the page." }));
    });
})();
