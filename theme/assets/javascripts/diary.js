// The patient's diary and the progress report, under the builder's patient view (the
// `#programme-diary` element of the builder page). Off until the patient turns it on; then kept
// in this browser's localStorage only, one entry per programme, never sent. A progress report
// travels after the programme in a link's "#" part (r= and x= parts, diary-core.js): this script
// takes it out of the address before builder.js reads the programme, and shows it here.
// It runs before builder.js and reads the programme from the address, as builder.js does.
"use strict";

(() => {
  const box = document.getElementById("programme-diary");
  const builder = document.getElementById("routine-builder");
  if (!box || !builder || !window.ClinicDiary || !window.ClinicProgramme) return;
  const D = window.ClinicDiary;
  const P = window.ClinicProgramme;
  const S = window.ClinicUiStrings.diary;
  const settings = JSON.parse(document.getElementById("builder-settings").textContent);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

  // ---- A report in the address: kept in memory, taken out of the address ----
  // The report belongs to the programme it came with (`reportKey`): if that programme is
  // edited into another, the report is dropped.
  let reportParts = [];
  let reportKey = null;
  function takeReport() {
    const split = D.splitLink(window.location.hash);
    if (!split.report.length) return false;
    reportParts = split.report;
    reportKey = null;
    history.replaceState(null, "", split.programme === "#" ? window.location.pathname : split.programme);
    return true;
  }
  takeReport();
  window.addEventListener("hashchange", () => { // added before builder.js's own listener
    if (takeReport() && lookup) {
      programme = null;
      sync();
    }
  });

  // ---- DOM helpers (text only, never markup) ----
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
  const newId = () => `diary-${++uid}`;
  const live = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const say = (text) => {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  };
  // "6 Dec": the month in words, the same on every machine whatever its locale.
  const shortDate = (iso) => fill(S.shortDate, { day: Number(iso.slice(8, 10)), month: S.months[Number(iso.slice(5, 7)) - 1] });

  // ---- The programme, read from the address like builder.js reads it ----
  let lookup = null;
  let programme = null; // {state, link, key}
  function readProgramme() {
    const { state } = P.decodeState(window.location.hash, lookup, settings.limits);
    if (!state.items.length) return null;
    const link = P.encodeState(state);
    if (window.clinicKeepOffline) {
      // The programme's exercise pages and pictures, kept for use without a network.
      const exercises = state.items.map((i) => lookup.exerciseById.get(i.id));
      window.clinicKeepOffline(exercises.flatMap((e) => [settings.addresses.exercise.replace("{id}", () => e.id),
        ...(e.picture ? [e.picture.uri, e.picture.thumb_uri, e.picture.motion_uri].filter(Boolean) : [])]));
    }
    // The diary's name: the programme's exercises, amounts, title and start only, not what the
    // builder fills in by default (conditions, frequency, weeks), which a new site may change.
    const own = P.encodeState({ ...P.emptyState(), title: state.title, start: state.start, items: state.items });
    return { state, link, key: D.programmeKey(own), items: state.items, names: state.items.map((i) => lookup.exerciseById.get(i.id).name) };
  }

  // ---- Storage: only after the patient turns the diary on ----
  const today = () => D.localDay();
  function load() {
    let text = null;
    try {
      text = window.localStorage.getItem(programme.key);
    } catch {
      return null;
    }
    return text == null ? null : D.parseDiary(text, programme.items, today()) || D.emptyDiary(today());
  }
  function save(diary) {
    window.localStorage.setItem(programme.key, JSON.stringify(diary));
  }

  // ---- Views ----
  let chosenDay = null;
  let includeNotes = false;
  function render() {
    box.replaceChildren(live);
    if (reportParts.length) {
      renderReport();
      return;
    }
    const diary = load();
    box.append(h("h2", { id: "diary-heading", text: S.heading }));
    if (!diary) {
      box.append(h("p", { text: S.offIntro }), h("p", { text: S.offWhere }), help(),
        h("button", { type: "button", class: "md-button md-button--primary", "data-diary": "on", onclick: () => {
          save(D.emptyDiary(today()));
          render();
          box.querySelector("[data-diary-focus]")?.focus();
        } }, S.turnOn));
      return;
    }
    box.append(h("p", { class: "diary-where", text: S.onWhere }), dayForm(diary), weekView(diary), actions(diary), help());
  }

  const help = () => (box.dataset.help ? h("p", { class: "diary-help" }, h("a", { href: box.dataset.help, text: S.help })) : null);

  function dayForm(diary) {
    const day = chosenDay && chosenDay <= today() ? chosenDay : today();
    const entry = D.dayOf(diary, day, programme.items);
    const update = (change, announce = true) => {
      const next = { ...D.dayOf(load() || diary, day, programme.items) };
      change(next);
      save(D.setDay(load() || diary, day, next, programme.items));
      if (announce) say(S.saved);
      refreshWeeks();
    };
    const dayInput = h("input", { type: "date", id: newId(), value: day, max: today(), "data-diary-focus": "", onchange: (event) => {
      chosenDay = D.isDay(event.target.value) ? event.target.value : today();
      render();
      box.querySelector("[data-diary-focus]")?.focus();
    } });
    const painSelect = h("select", { id: newId(), onchange: (event) => update((next) => {
      next.pain = event.target.value === "" ? null : Number(event.target.value);
    }) }, h("option", { value: "", text: S.painNone, selected: entry.pain == null }),
    Array.from({ length: 11 }, (_, n) => h("option", { value: n, text: String(n), selected: entry.pain === n })));
    const noteInput = h("input", { type: "text", id: newId(), maxlength: D.LIMITS.note, value: entry.note, onchange: (event) => update((next) => {
      next.note = event.target.value;
    }) });
    const ticks = programme.items.map((item, i) => {
      const times = D.perDay(item.dosage);
      return h("li", {}, Array.from({ length: times }, (_, s) => {
        const id = newId();
        const label = times === 1 ? fill(S.onceDone, { name: programme.names[i] }) : fill(S.session, { name: programme.names[i], i: s + 1, n: times });
        return h("div", { class: "diary-tick" },
          h("input", { type: "checkbox", id, checked: entry.done[i] > s, "data-exercise": i, onchange: (event) => update((next) => {
            const done = next.done.slice();
            done[i] = Math.max(0, Math.min(times, done[i] + (event.target.checked ? 1 : -1)));
            next.done = done;
          }) }),
          h("label", { for: id, text: label }));
      }));
    });
    return h("fieldset", { class: "diary-day" },
      h("legend", { text: day === today() ? `${S.today}: ${shortDate(day)}` : shortDate(day) }),
      h("div", { class: "builder-field" }, h("label", { for: dayInput.id, text: S.day }), dayInput),
      h("p", { class: "diary-label", text: S.done }),
      h("ul", { class: "diary-ticks" }, ticks),
      h("div", { class: "builder-field" }, h("label", { for: painSelect.id, text: S.pain }), painSelect),
      h("div", { class: "builder-field" }, h("label", { for: noteInput.id, text: S.note }), noteInput));
  }

  const weeksBox = h("section", { class: "diary-weeks", "aria-labelledby": "diary-weeks-heading" });
  function refreshWeeks() {
    const diary = load();
    if (diary) weeksBox.replaceChildren(...weekParts(D.weeks(diary, programme.items, D.anchorDay(diary, programme.state.start), today())));
  }
  function weekView(diary) {
    weeksBox.replaceChildren(...weekParts(D.weeks(diary, programme.items, D.anchorDay(diary, programme.state.start), today())));
    return weeksBox;
  }

  // Weeks, latest first: sessions done against planned, then pain as a chart and a table.
  function weekParts(weeks, headingText = S.weeksHeading) {
    const tables = weeks.slice().reverse().map((week) => h("table", { class: "diary-week" },
      h("caption", { text: fill(S.weekTitle, { n: week.index + 1, from: shortDate(week.from), to: shortDate(week.to) }) }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: S.exercise }), h("th", { scope: "col", text: S.sessionsDone }), h("th", { scope: "col", text: S.sessionsPlanned }))),
      h("tbody", {}, programme.names.map((name, i) => h("tr", { "data-exercise": i },
        h("th", { scope: "row", text: name }),
        h("td", { text: week.done[i] == null ? S.notRecorded : String(week.done[i]) }),
        h("td", { text: String(week.planned[i]) })))),
      h("tfoot", {}, h("tr", {}, h("th", { scope: "row", text: S.averagePain }), h("td", { colspan: 2, text: averagePain(week) }))),
    ));
    const notes = weeks.flatMap((w) => w.notes);
    return [
      h("h3", { id: "diary-weeks-heading", text: headingText }),
      ...tables,
      painParts(weeks),
      notes.length ? h("div", {}, h("h3", { text: S.notes }), h("ul", {}, notes.map((n) => h("li", {}, h("strong", { text: `${shortDate(n.day)}: ` }), n.text)))) : null,
    ].filter(Boolean); // no notes: nothing (a DOM append would write "null")
  }
  function averagePain(week) {
    const scores = week.pain.filter((p) => p != null);
    return scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : S.notRecorded;
  }
  function painParts(weeks) {
    const points = weeks.flatMap((w) => w.pain.map((p, d) => ({ day: D.addDays(w.from, d), pain: p }))).filter((p) => p.pain != null);
    if (!points.length) return h("p", { class: "diary-no-pain", text: S.noPain });
    const ns = "http://www.w3.org/2000/svg";
    const first = weeks[0].from;
    const span = Math.max(7 * weeks.length - 1, 1);
    const x = (day) => 18 + (D.daysBetween(first, day) / span) * 274;
    const y = (pain) => 8 + (10 - pain) * 8.4;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 300 100");
    svg.setAttribute("class", "diary-chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", S.painChart);
    const add = (tag, attributes) => {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
      svg.append(node);
    };
    for (const level of [0, 5, 10]) add("line", { x1: 14, x2: 292, y1: y(level), y2: y(level), class: "diary-grid" });
    for (const level of [0, 5, 10]) {
      add("text", { x: 0, y: y(level) + 3, class: "diary-axis" });
      svg.lastChild.textContent = String(level);
    }
    add("polyline", { points: points.map((p) => `${x(p.day).toFixed(1)},${y(p.pain).toFixed(1)}`).join(" "), class: "diary-line" });
    for (const p of points) add("circle", { cx: x(p.day).toFixed(1), cy: y(p.pain).toFixed(1), r: 3, class: "diary-point" });
    const table = h("table", { class: "diary-pain-table" },
      h("caption", { text: S.painTable }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: S.date }), h("th", { scope: "col", text: S.painScore }))),
      h("tbody", {}, points.map((p) => h("tr", {}, h("td", { text: shortDate(p.day) }), h("td", { text: String(p.pain) })))));
    return h("div", { class: "diary-pain" }, h("h3", { text: S.painHeading }), h("div", { class: "diary-pain-row" }, svg, table));
  }

  // ---- Print, CSV, the report link, delete ----
  const shareBox = h("div", { class: "diary-share" });
  function actions(diary) {
    shareBox.replaceChildren();
    shareBox.hidden = true;
    return h("div", { class: "diary-actions" },
      h("div", { class: "builder-actions" },
        h("button", { type: "button", class: "md-button", onclick: printDiary }, S.print),
        h("button", { type: "button", class: "md-button", onclick: downloadCsv }, S.csv),
        h("button", { type: "button", class: "md-button", "aria-expanded": "false", "data-diary": "share", onclick: (event) => {
          shareBox.hidden = !shareBox.hidden;
          event.currentTarget.setAttribute("aria-expanded", String(!shareBox.hidden));
          if (!shareBox.hidden) renderShare();
        } }, S.share),
        h("button", { type: "button", class: "md-button", "data-diary": "delete", onclick: remove }, S.remove)),
      shareBox);
  }
  function printDiary() {
    document.documentElement.classList.add("print-diary");
    window.print();
  }
  window.addEventListener("afterprint", () => document.documentElement.classList.remove("print-diary"));
  function downloadCsv() {
    const diary = load();
    if (!diary) return;
    const text = D.toCsv(diary, programme.items, programme.names, D.anchorDay(diary, programme.state.start), today(), { date: S.date, week: S.week, pain: S.painScore, note: S.notes });
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    const link = h("a", { href: url, download: S.csvFile });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  function reportLink() {
    const diary = load();
    const base = window.location.href.split("#")[0] + programme.link;
    const weeks = D.weeks(diary, programme.items, D.anchorDay(diary, programme.state.start), today());
    const made = D.encodeReport(weeks, D.anchorDay(diary, programme.state.start), { notes: includeNotes, budget: settings.limits.link - base.length });
    return { href: `${base};${made.parts.join(";")}`, made, notes: includeNotes ? weeks.flatMap((w) => w.notes).length : 0 };
  }
  function renderShare() {
    const { href, made, notes } = reportLink();
    const input = h("input", { type: "text", readonly: true, id: newId(), value: href, class: "diary-link" });
    const status = h("span", { role: "status" });
    const noteBox = h("input", { type: "checkbox", id: newId(), checked: includeNotes, onchange: (event) => {
      includeNotes = event.target.checked;
      renderShare();
      shareBox.querySelector("input[type=checkbox]")?.focus();
    } });
    shareBox.replaceChildren(...[
      h("p", { text: S.shareIntro }),
      h("div", { class: "diary-tick" }, noteBox, h("label", { for: noteBox.id, text: S.includeNotes })),
      h("div", { class: "builder-field" }, h("label", { for: input.id, text: S.shareLink }), input),
      made.droppedWeeks ? h("p", { text: fill(S.droppedWeeks, { n: made.weeks }) }) : null,
      made.notes < notes ? h("p", { text: S.droppedNotes }) : null,
      h("div", { class: "builder-actions" }, h("button", { type: "button", class: "md-button", onclick: async () => {
        input.select();
        try {
          await navigator.clipboard.writeText(input.value);
          status.textContent = S.copied;
        } catch {
          status.textContent = S.copyByHand;
        }
      } }, S.copy), status),
      qrSvg(href)].filter(Boolean));
  }
  function qrSvg(text) {
    const code = window.qrcode(0, "L");
    code.addData(text, "Byte");
    code.make();
    const count = code.getModuleCount();
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    const size = count + 8;
    svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", S.qrLabel);
    svg.setAttribute("class", "qr-code diary-qr");
    svg.setAttribute("shape-rendering", "crispEdges");
    let d = "";
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) if (code.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    for (const [tag, attributes] of [["rect", { width: size, height: size, fill: "#fff" }], ["path", { d, fill: "#000" }]]) {
      const node = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
      svg.append(node);
    }
    return svg;
  }
  function remove() {
    if (!window.confirm(S.confirmRemove)) return;
    window.localStorage.removeItem(programme.key);
    chosenDay = null;
    render();
    say(S.removed);
    box.querySelector("[data-diary=on]")?.focus();
  }

  // ---- A report opened by the therapist ----
  function renderReport() {
    const { report, problems } = D.decodeReport(reportParts, programme.items, S);
    box.append(h("h2", { id: "diary-heading", text: S.reportHeading }), h("p", { text: S.reportIntro }));
    if (problems.length) {
      box.append(h("div", { class: "admonition warning", role: "alert" },
        h("p", { class: "admonition-title", text: S.reportProblem }), h("ul", {}, problems.map((p) => h("li", { text: p })))));
    }
    if (report) box.append(h("section", { class: "diary-weeks diary-report" }, weekParts(report.weeks, S.weeksHeading)));
  }

  // ---- Shown under the patient's view only; follows the programme in the address ----
  function sync() {
    const view = builder.querySelector(".patient-view");
    const showing = Boolean(view && !view.hidden);
    if (!showing) {
      box.hidden = true;
      return;
    }
    const hash = window.location.hash;
    if (!programme || programme.hash !== hash) {
      programme = readProgramme();
      if (programme) {
        programme.hash = hash;
        if (reportParts.length && reportKey == null) reportKey = programme.key;
        if (reportKey !== null && reportKey !== programme.key) reportParts = [];
        render();
      }
    }
    box.hidden = !programme;
  }
  fetch(new URL(settings.addresses.catalog, new URL(`${JSON.parse(document.getElementById("__config").textContent).base}/`, window.location.href)))
    .then((response) => response.json())
    .then((data) => {
      lookup = { exerciseById: new Map(data.exercises.map((e) => [e.id, e])), conditionById: new Map(data.conditions.map((c) => [c.id, c])) };
      new MutationObserver(sync).observe(builder, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
      sync();
    })
    .catch(() => {});
})();
