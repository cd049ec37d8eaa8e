// The patient's diary as data: days, weeks against the plan, the CSV file and the progress
// report carried in a link. No page, no network, no storage: diary.js keeps the diary on the
// device (only once the patient turns it on) and the tests run this file in Node.
"use strict";

(function expose(root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ClinicDiary = api;
})(typeof self !== "undefined" ? self : this, () => {
  const VERSION = 1;
  const KEY_PREFIX = "clinic-diary:";
  const LIMITS = { note: 140, pain: [0, 10], weeks: 52, notes: 30, perDay: 10 };

  // ---- Calendar days as "YYYY-MM-DD": counted in UTC, so no clock change moves a day ----
  const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  function isDay(text) {
    const m = ISO.exec(String(text));
    if (!m) return false;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return date.toISOString().slice(0, 10) === text;
  }
  const dayNumber = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
  const fromNumber = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
  const addDays = (iso, n) => fromNumber(dayNumber(iso) + n);
  const daysBetween = (a, b) => dayNumber(b) - dayNumber(a);
  const pad = (n) => String(n).padStart(2, "0");
  // The reader's own calendar day (their time zone) at `now`.
  const localDay = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

  // ---- Which diary: one per programme, named by a hash of its link (never sent) ----
  function fnv(text, seed) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  }
  const programmeKey = (link) => KEY_PREFIX + fnv(link, 2166136261) + fnv(link, 374761393);

  // ---- The plan: each exercise's own frequency ----
  const perDay = (dosage) => dosage.times_per_day || 1;
  // Times a day on work days only (`work_days`) are planned Monday to Friday: 5 days a week.
  const plannedPerWeek = (dosage) => (dosage.times_per_day != null ? (dosage.work_days ? 5 : 7) * dosage.times_per_day : dosage.days_per_week);

  // ---- A diary: {v, since, days: {"YYYY-MM-DD": {done: [count per exercise], pain, note}}} ----
  function emptyDiary(today) {
    return { v: VERSION, since: today, days: {} };
  }
  const count = (value, high) => (Number.isInteger(value) && value >= 0 ? Math.min(value, high) : 0);
  function cleanNote(text) {
    const value = String(text ?? "").replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, " ").replace(/\s+/g, " ").trim();
    return Array.from(value).slice(0, LIMITS.note).join("");
  }
  function cleanDay(entry, items) {
    const source = entry && typeof entry === "object" ? entry : {};
    const done = items.map((item, i) => count(Array.isArray(source.done) ? source.done[i] : 0, perDay(item.dosage)));
    const pain = Number.isInteger(source.pain) && source.pain >= 0 && source.pain <= 10 ? source.pain : null;
    return { done, pain, note: cleanNote(source.note) };
  }
  const emptyDay = (entry) => !entry.done.some(Boolean) && entry.pain == null && !entry.note;
  // A stored diary read back: anything not in its shape is dropped, never trusted.
  function parseDiary(text, items, today) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return null;
    }
    if (!data || data.v !== VERSION || !isDay(data.since)) return null;
    const diary = emptyDiary(data.since);
    const days = data.days && typeof data.days === "object" ? data.days : {};
    for (const day of Object.keys(days).sort().slice(-400)) {
      if (!isDay(day) || day > today) continue;
      const entry = cleanDay(days[day], items);
      if (!emptyDay(entry)) diary.days[day] = entry;
    }
    return diary;
  }
  function dayOf(diary, day, items) {
    return cleanDay(diary.days[day], items);
  }
  function setDay(diary, day, entry, items) {
    const clean = cleanDay(entry, items);
    const days = { ...diary.days };
    if (emptyDay(clean)) delete days[day];
    else days[day] = clean;
    return { ...diary, days };
  }

  // ---- Weeks: week 1 starts on the programme's start day, or the diary's first day ----
  function anchorDay(diary, start) {
    const first = [diary.since, ...Object.keys(diary.days)].sort()[0];
    return start && isDay(start) && start <= first ? start : first;
  }
  function weeks(diary, items, anchor, today) {
    const last = Math.max(0, Math.floor(daysBetween(anchor, today) / 7));
    const out = [];
    for (let w = 0; w <= Math.min(last, LIMITS.weeks - 1); w += 1) {
      const from = addDays(anchor, w * 7);
      const week = { index: w, from, to: addDays(from, 6), done: items.map(() => 0), planned: items.map((i) => plannedPerWeek(i.dosage)), pain: [], notes: [] };
      for (let d = 0; d < 7; d += 1) {
        const day = addDays(from, d);
        const entry = diary.days[day] ? cleanDay(diary.days[day], items) : null;
        week.pain.push(entry ? entry.pain : null);
        if (!entry) continue;
        entry.done.forEach((n, i) => { week.done[i] += n; });
        if (entry.note) week.notes.push({ day, text: entry.note });
      }
      out.push(week);
    }
    return out;
  }

  // ---- CSV (RFC 4180), one row a day; a cell never starts as a spreadsheet formula ----
  function csvCell(value) {
    let text = String(value ?? "");
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  function toCsv(diary, items, names, anchor, today, words) {
    const rows = [[words.date, words.week, ...names, words.pain, words.note]];
    for (let n = daysBetween(anchor, today); n >= 0; n -= 1) {
      const day = addDays(anchor, n);
      if (!diary.days[day]) continue;
      const entry = cleanDay(diary.days[day], items);
      rows.push([day, Math.floor(n / 7) + 1, ...entry.done, entry.pain ?? "", entry.note]);
    }
    return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
  }

  // ---- The progress report in a link: parts after the programme's own, in its fragment ----
  // r=1.<first day YYYYMMDD>.<first week number>.<week>.<week>...
  //   week = <sessions done per exercise, comma-separated>~<7 pain marks: 0-9, a = 10, - = none>
  // x=<day number from the first day>.<note, percent-encoded>   (only when the patient ticks it)
  const PAIN = "0123456789a";
  function encodeWeek(week) {
    return `${week.done.join(",")}~${week.pain.map((p) => (p == null ? "-" : PAIN[p])).join("")}`;
  }
  const encodeNote = (text) => encodeURIComponent(text).replace(/%20/g, "+").replace(/\./g, "%2E");
  // The report's parts within `budget` characters: notes go first, then the oldest weeks.
  function encodeReport(allWeeks, anchor, { notes = false, budget = Infinity } = {}) {
    let kept = allWeeks.slice();
    let keptNotes = notes ? kept.flatMap((w) => w.notes).slice(-LIMITS.notes) : []; // the latest
    const make = () => {
      const first = kept.length ? kept[0].index : 0;
      const head = `r=${VERSION}.${anchor.replace(/-/g, "")}.${first + 1}`;
      const report = [head, ...kept.map(encodeWeek)].join(".");
      return [report, ...keptNotes.map((n) => `x=${daysBetween(anchor, n.day)}.${encodeNote(n.text)}`)];
    };
    const size = () => make().reduce((total, part) => total + part.length + 1, 0);
    while (keptNotes.length && size() > budget) keptNotes = keptNotes.slice(1);
    while (kept.length > 1 && size() > budget) kept = kept.slice(1);
    return { parts: make(), weeks: kept.length, droppedWeeks: allWeeks.length - kept.length, notes: keptNotes.length, fits: size() <= budget };
  }
  // The fragment split into the programme's parts and the report's.
  function splitLink(hash) {
    const parts = String(hash || "").replace(/^#/, "").split(";");
    const isReport = (part) => part.startsWith("r=") || part.startsWith("x=");
    return { programme: `#${parts.filter((p) => !isReport(p)).join(";")}`, report: parts.filter(isReport) };
  }
  // A report read from a link made by anyone: whatever is damaged is dropped and said once.
  function decodeReport(parts, items, words) {
    const problems = new Set();
    const head = (parts.find((p) => p.startsWith("r=")) || "").slice(2).split(".");
    if (head[0] !== String(VERSION)) {
      problems.add(words.unknownReport);
      return { report: null, problems: [...problems] };
    }
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(head[1] || "");
    const anchor = date ? `${date[1]}-${date[2]}-${date[3]}` : "";
    const first = /^\d{1,2}$/.test(head[2] || "") ? Number(head[2]) : NaN;
    if (!isDay(anchor) || !(first >= 1 && first <= LIMITS.weeks)) {
      problems.add(words.damagedReport);
      return { report: null, problems: [...problems] };
    }
    const weeksOut = [];
    for (const [offset, text] of head.slice(3, 3 + LIMITS.weeks - first + 1).entries()) {
      const [doneText = "", painText = ""] = text.split("~");
      const doneParts = doneText.split(",");
      const done = items.map((item, i) => {
        const value = /^\d{1,3}$/.test(doneParts[i] || "") ? Number(doneParts[i]) : NaN;
        if (value >= 0 && value <= 7 * perDay(item.dosage)) return value;
        problems.add(words.damagedReport);
        return null;
      });
      if (doneParts.length !== items.length) problems.add(words.damagedReport);
      const pain = Array.from({ length: 7 }, (_, d) => {
        const mark = painText.charAt(d);
        if (mark === "-") return null;
        const value = PAIN.indexOf(mark);
        if (value < 0 || !mark) problems.add(words.damagedReport);
        return value < 0 || !mark ? null : value;
      });
      if (painText.length !== 7) problems.add(words.damagedReport);
      const index = first - 1 + offset;
      const from = addDays(anchor, index * 7);
      weeksOut.push({ index, from, to: addDays(from, 6), done, planned: items.map((i) => plannedPerWeek(i.dosage)), pain, notes: [] });
    }
    if (head.length - 3 > LIMITS.weeks - first + 1) problems.add(words.damagedReport);
    for (const part of parts.filter((p) => p.startsWith("x=")).slice(0, LIMITS.notes)) {
      const [dayText, ...rest] = part.slice(2).split(".");
      const n = /^\d{1,3}$/.test(dayText) ? Number(dayText) : NaN;
      let text = "";
      try {
        text = cleanNote(decodeURIComponent(rest.join(".").replace(/\+/g, " ")));
      } catch {
        problems.add(words.damagedReport);
      }
      const week = weeksOut.find((w) => w.index === Math.floor(n / 7));
      if (week && text) week.notes.push({ day: addDays(anchor, n), text });
      else problems.add(words.damagedReport);
    }
    return { report: { anchor, weeks: weeksOut }, problems: [...problems] };
  }

  return {
    VERSION, KEY_PREFIX, LIMITS, isDay, addDays, daysBetween, localDay, programmeKey,
    perDay, plannedPerWeek, emptyDiary, parseDiary, dayOf, setDay, anchorDay, weeks, toCsv,
    encodeReport, splitLink, decodeReport,
  };
});
