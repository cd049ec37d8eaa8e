// A therapist's programme as data: dosage phrases, the link that carries it, its safety advice
// and its calendar file. No page, no network, no storage: the routine builder (builder/) uses
// it in the browser, and the tests run it in Node against vectors made by the Python generator.
// Its words come in, translated, as `uiStrings` ({language, programme: {...}}, the `#ui-strings`
// island of generator/pages/ui_strings.py): in the browser from `window.ClinicUiStrings`
// (ui-strings.js); in Node the module is the factory, `require("programme.js")(uiStrings)`.
"use strict";

(function expose(root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.ClinicProgramme = factory(root.ClinicUiStrings);
})(typeof self !== "undefined" ? self : this, (uiStrings) => {
  // ---- Words: the messages of generator/pages/ui_strings.py's PROGRAMME, with %(name)s fields ----
  const T = uiStrings.programme;
  const plurals = new Intl.PluralRules(uiStrings.language);
  const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
  // A counted phrase: the form for `count` by the language's plural rules, fields filled in.
  const counted = (forms, count, values = {}) => fill(forms[plurals.select(count)] ?? forms.other, { count, ...values });

  // ---- Dosage phrasing: the same messages as generator/pages/dosage.py (tested with shared vectors) ----
  const duration = (s) => (s >= 60 && s % 60 === 0 ? counted(T.minute, s / 60) : counted(T.second, s));
  function describeAmount(d) {
    const side = d.per_side;
    if (d.reps != null) {
      return fill(side ? T.setsOfRepsEachSide : T.setsOfReps, { sets: counted(T.set, d.sets), reps: counted(T.repetition, d.reps) });
    }
    if (d.hold_seconds != null) {
      return fill(side ? T.holdEachSide : T.hold, { duration: duration(d.hold_seconds), times: counted(T.times, d.sets) });
    }
    const minutes = counted(T.minute, d.minutes);
    if (d.sets === 1) return side ? fill(T.minutesEachSide, { minutes }) : minutes;
    return fill(side ? T.setsOfMinutesEachSide : T.setsOfMinutes, { sets: counted(T.set, d.sets), minutes });
  }
  function describeRest(d) {
    if (d.rest_seconds == null || d.rest_seconds === 0 || d.sets === 1) return null;
    return fill(d.hold_seconds != null ? T.restBetweenHolds : T.restBetweenSets, { duration: duration(d.rest_seconds) });
  }
  function describeFrequency(d) {
    if (d.times_per_day != null) {
      const [named, forms] = d.work_days ? [T.timesAWorkDayWords, T.timesAWorkDay] : [T.timesADayWords, T.timesADay];
      return named[d.times_per_day] ?? counted(forms, d.times_per_day);
    }
    if (d.days_per_week === 7) return T.everyDay;
    return counted(T.daysAWeek, d.days_per_week);
  }
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  function describeDosage(d) {
    const rest = describeRest(d);
    return capital(fill(rest ? T.dosageWithRest : T.dosage, { amount: describeAmount(d), rest, frequency: describeFrequency(d) }));
  }
  const weeksText = (weeks) => counted(T.week, weeks);

  // ---- Text: whole characters only, nothing invisible ----
  const segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  function characters(text) {
    return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
  }
  // Control, bidirectional, zero-width and non-characters, and halves of broken pairs.
  const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  function clean(text, multiline = false) {
    let value = String(text).replace(INVISIBLE, "");
    value = multiline ? value.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n") : value.replace(/\s+/g, " ");
    return value.trim();
  }
  // At most `limit` characters, cut between characters (never inside an emoji).
  function cut(text, limit) {
    const parts = characters(text);
    return parts.length <= limit ? text : parts.slice(0, limit).join("");
  }

  // ---- The link: "#v2;" then fields separated by ";" ----
  // t=title  n=instructions  p=therapist  s=start date (YYYY-MM-DD)
  // f=d<times a day>|x<times a day, Monday to Friday>|w<days a week>
  // k=weeks  c=condition ids (comma-separated)  e=id,sets,r|h|m<amount>,rest,d|x|w<freq>,side 0|1,note
  // Text is percent-encoded, with "+" for a space. Version 1 links (no f, k, c, p, s) still open.
  const FORMAT = "v2";
  const MAX_FRAGMENT = 200000; // far beyond any link the builder makes; the rest is not read
  const encodeText = (text) => encodeURIComponent(text).replace(/%20/g, "+");
  const encodeFrequency = (f) => (f.times_per_day != null ? `${f.work_days ? "x" : "d"}${f.times_per_day}` : `w${f.days_per_week}`);
  function encodeItem(item) {
    const d = item.dosage;
    const amount = d.reps != null ? `r${d.reps}` : d.hold_seconds != null ? `h${d.hold_seconds}` : `m${d.minutes}`;
    const fields = [item.id, d.sets, amount, d.rest_seconds ?? "", encodeFrequency(d), d.per_side ? 1 : 0];
    if (item.note) fields.push(encodeText(item.note));
    return `e=${fields.join(",")}`;
  }
  function encodeState(s) {
    const parts = [FORMAT];
    if (s.title) parts.push(`t=${encodeText(s.title)}`);
    if (s.instructions) parts.push(`n=${encodeText(s.instructions)}`);
    if (s.therapist) parts.push(`p=${encodeText(s.therapist)}`);
    if (s.start) parts.push(`s=${s.start}`);
    if (s.frequency) parts.push(`f=${encodeFrequency(s.frequency)}`);
    if (s.weeks) parts.push(`k=${s.weeks}`);
    if (s.conditions && s.conditions.length) parts.push(`c=${s.conditions.join(",")}`);
    for (const item of s.items) parts.push(encodeItem(item));
    return `#${parts.join(";")}`;
  }

  // Percent-decoding that keeps what it can: a broken escape or a cut character is dropped,
  // never the whole field.
  function decodeText(text) {
    const spaced = text.replace(/\+/g, " ");
    try {
      return { text: decodeURIComponent(spaced), damaged: false };
    } catch {
      const bytes = [];
      const out = [];
      const flush = () => {
        if (bytes.length) out.push(new TextDecoder("utf-8", { fatal: false }).decode(new Uint8Array(bytes.splice(0))));
      };
      for (let i = 0; i < spaced.length; i += 1) {
        const escape = /^%[0-9A-Fa-f]{2}/.exec(spaced.slice(i, i + 3));
        if (escape) {
          bytes.push(Number.parseInt(spaced.slice(i + 1, i + 3), 16));
          i += 2;
        } else {
          flush();
          if (spaced[i] !== "%") out.push(spaced[i]);
        }
      }
      flush();
      return { text: out.join("").replace(/\uFFFD/g, ""), damaged: true };
    }
  }

  const integer = (text) => (/^\d{1,4}$/.test(text || "") ? Number(text) : NaN);
  const within = (value, [low, high]) => Number.isInteger(value) && value >= low && value <= high;
  function decodeFrequency(text, limits) {
    const kind = (text || "").charAt(0);
    const value = integer((text || "").slice(1));
    if ((kind === "d" || kind === "x") && within(value, limits.perDay)) return { times_per_day: value, days_per_week: null, work_days: kind === "x" };
    if (kind === "w" && within(value, limits.perWeek)) return { times_per_day: null, days_per_week: value, work_days: false };
    return null;
  }
  function decodeDosage(fields, limits) {
    const [sets, amount, rest, freq, side] = fields;
    const frequency = decodeFrequency(freq, limits);
    const value = integer((amount || "").slice(1));
    const kind = { r: ["reps", limits.reps], h: ["hold_seconds", limits.hold], m: ["minutes", limits.minutes] }[(amount || "").charAt(0)];
    const d = {
      sets: integer(sets), reps: null, hold_seconds: null, minutes: null,
      rest_seconds: rest === "" ? null : integer(rest), per_side: side === "1", ...frequency,
    };
    if (!kind || !frequency || !within(value, kind[1])) return null;
    d[kind[0]] = value;
    const ok = within(d.sets, limits.sets) && (d.rest_seconds == null || within(d.rest_seconds, limits.rest))
      && (side === "0" || side === "1");
    return ok ? d : null;
  }
  function dosageFromCatalog(d) {
    return {
      sets: d.sets, reps: d.reps ?? null, hold_seconds: d.hold_seconds ?? null, minutes: d.minutes ?? null,
      rest_seconds: d.rest_seconds ?? null, per_side: Boolean(d.per_side),
      times_per_day: d.times_per_day ?? null, days_per_week: d.days_per_week ?? null, work_days: Boolean(d.work_days),
    };
  }
  function emptyState() {
    return { title: "", instructions: "", therapist: "", start: "", frequency: null, weeks: null, conditions: [], items: [] };
  }

  // Read a link. `catalog` gives exerciseById and conditionById; every problem becomes one short
  // message (counted, never repeated per item) and everything valid is kept.
  function decodeState(hash, catalog, limits) {
    const problems = [];
    const state = emptyState();
    let body = String(hash || "").replace(/^#/, "");
    if (!body) return { state, problems };
    if (body.length > MAX_FRAGMENT) {
      body = body.slice(0, MAX_FRAGMENT);
      problems.push(T.linkTooLong);
    }
    const parts = body.split(";");
    if (parts[0] !== FORMAT && parts[0] !== "v1") {
      problems.push(T.linkUnknown);
      return { state, problems };
    }
    const counts = { unknownExercises: 0, unknownConditions: 0, dosage: [], tooMany: 0, damaged: new Set(), unreadable: 0 };
    const text = (field, value, limit, multiline = false) => {
      const decoded = decodeText(value);
      if (decoded.damaged) counts.damaged.add(field);
      const cleaned = clean(decoded.text, multiline);
      if (characters(cleaned).length > limit) counts.damaged.add(field);
      return cut(cleaned, limit);
    };
    for (const part of parts.slice(1)) {
      const [key, value] = [part.slice(0, 2), part.slice(2)];
      if (key === "t=") state.title = text(T.fieldTitle, value, limits.text.title);
      else if (key === "n=") state.instructions = text(T.fieldInstructions, value, limits.text.instructions, true);
      else if (key === "p=") state.therapist = text(T.fieldTherapist, value, limits.text.therapist);
      else if (key === "s=") {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
          && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value) state.start = value;
        else counts.damaged.add(T.fieldStart);
      } else if (key === "f=") {
        state.frequency = decodeFrequency(value, limits);
        if (!state.frequency) counts.damaged.add(T.fieldFrequency);
      } else if (key === "k=") {
        const weeks = integer(value);
        if (within(weeks, limits.weeks)) state.weeks = weeks;
        else counts.damaged.add(T.fieldWeeks);
      } else if (key === "c=") {
        for (const id of value.split(",").slice(0, 50)) {
          if (catalog.conditionById.has(id)) {
            if (!state.conditions.includes(id)) state.conditions.push(id);
          } else counts.unknownConditions += 1;
        }
      } else if (key === "e=") {
        const fields = value.split(",");
        const exercise = catalog.exerciseById.get(fields[0]);
        if (!exercise) {
          counts.unknownExercises += 1;
          continue;
        }
        if (state.items.length >= limits.items) {
          counts.tooMany += 1;
          continue;
        }
        let dosage = decodeDosage(fields.slice(1, 6), limits);
        if (!dosage) {
          counts.dosage.push(exercise.name);
          dosage = dosageFromCatalog(exercise.dosage);
        }
        const note = fields.length > 6 ? text(fill(T.fieldNote, { name: exercise.name }), fields.slice(6).join(","), limits.text.note) : "";
        state.items.push({ id: exercise.id, dosage, note });
      } else if (part) counts.unreadable += 1;
    }
    // "a, b and 2 more": at most three names, the rest counted.
    const listed = (all) => {
      const names = all.length > 3 ? [...all.slice(0, 3), counted(T.more, all.length - 3)] : all;
      if (names.length === 1) return names[0];
      return fill(T.lastOfList, { names: names.slice(0, -1).join(T.listSeparator), last: names[names.length - 1] });
    };
    if (counts.unknownExercises) problems.push(counted(T.unknownExercises, counts.unknownExercises));
    if (counts.unknownConditions) problems.push(counted(T.unknownConditions, counts.unknownConditions));
    if (counts.tooMany) problems.push(counted(T.tooMany, counts.tooMany, { limit: limits.items }));
    if (counts.dosage.length) problems.push(fill(T.badAmount, { names: listed(counts.dosage) }));
    if (counts.damaged.size) problems.push(fill(T.damaged, { names: listed([...counts.damaged]) }));
    if (counts.unreadable) problems.push(T.unreadable);
    if (!state.frequency && state.items.length) state.frequency = commonFrequency(state.items);
    return { state, problems };
  }
  // A dosage's frequency alone (generator/catalog/model.py's Dosage.frequency).
  const frequencyOf = (d) => ({ times_per_day: d.times_per_day ?? null, days_per_week: d.days_per_week ?? null, work_days: Boolean(d.work_days) });
  // Tick boxes for each day of the printed week, Monday first: generator/pages/dosage.py's
  // sessions_by_weekday.
  function sessionsByWeekday(dosages) {
    return Array.from({ length: 7 }, (_, weekday) => {
      const onDay = dosages.filter((d) => !(d.work_days && weekday >= 5));
      return onDay.length ? Math.max(...onDay.map((d) => d.times_per_day || 1)) : dosages.length ? 0 : 1;
    });
  }
  // The frequency every exercise shares, or null when they differ (the headline then sends the
  // reader to each exercise): generator/pages/dosage.py's shared_frequency.
  function sharedFrequency(dosages) {
    const keys = new Set(dosages.map((d) => encodeFrequency(d.dosage || d)));
    if (keys.size !== 1) return null;
    return frequencyOf(dosages[0].dosage || dosages[0]);
  }
  // [dosage, line] pairs grouped by frequency, in first-seen order: one calendar story each.
  function frequencyGroups(pairs) {
    const groups = new Map();
    for (const [dosage, line] of pairs) {
      const key = encodeFrequency(dosage);
      if (!groups.has(key)) groups.set(key, { frequency: frequencyOf(dosage), lines: [] });
      groups.get(key).lines.push(line);
    }
    return [...groups.values()];
  }
  // A short, stable fingerprint of a text (FNV-1a, 32 bits, hex): the same programme, the same id.
  function digest(text) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  }
  // The frequency most of the exercises share (a programme-wide default for old links).
  function commonFrequency(items) {
    const tally = new Map();
    for (const item of items) {
      const key = encodeFrequency(item.dosage);
      tally.set(key, (tally.get(key) || 0) + 1);
    }
    const [best] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0] || ["d1"];
    const value = Number(best.slice(1));
    return best.startsWith("w") ? { times_per_day: null, days_per_week: value, work_days: false } : { times_per_day: value, days_per_week: null, work_days: best.startsWith("x") };
  }

  // ---- Safety advice: the chosen conditions' red flags and the exercises' stop-if lines ----
  // Lines from several sources, merged as generator/relations.py merges them (its words come in
  // `rules`): a line goes when another says all of it (every meaningful word, lightly stemmed),
  // unless only one of the two is negated; the fuller line keeps the first one's place.
  function words(line, rules) {
    const stem = (word) => {
      for (const ending of ["ing", "s"]) {
        if (word.length > ending.length + 2 && word.endsWith(ending) && !word.endsWith("ss")) return word.slice(0, -ending.length);
      }
      return word;
    };
    const found = line.match(/[a-z0-9]+/g) || [];
    return new Set(found.filter((w) => !rules.filler.includes(w)).map(stem));
  }
  // The meaningful words of each clause (parted at , ; . and "or"), as relations._clauses.
  function clauses(line, rules) {
    const pattern = new RegExp(rules.clause, "g");
    return line.toLowerCase().split(pattern).map((part) => words(part, rules)).filter((part) => part.size);
  }
  const union = (sets) => new Set(sets.flatMap((set) => [...set]));
  // Every meaningful word of the narrow line is in the wide one, and they agree on negation
  // where they overlap (a negation counts only in a clause sharing a word with the narrow line).
  function covers(wide, narrow, rules) {
    const narrowWords = union(narrow);
    const wideWords = union(wide);
    for (const word of narrowWords) if (!wideWords.has(word)) return false;
    const meaning = [...narrowWords].filter((word) => !rules.negations.includes(word));
    const relevant = union(wide.filter((clause) => meaning.some((word) => clause.has(word))));
    return rules.negations.every((word) => relevant.has(word) === narrowWords.has(word));
  }
  function merge(lists, rules) {
    let kept = [];
    for (const line of [...new Set(lists.flat().map((l) => l.trim()))]) {
      const own = clauses(line, rules);
      if (kept.some(([, other]) => covers(other, own, rules))) continue;
      const place = kept.findIndex(([, other]) => covers(own, other, rules));
      if (place < 0) kept.push([line, own]);
      else kept = kept.filter(([, other], i) => i === place || !covers(own, other, rules)).map((entry, i, all) => (entry === kept[place] ? [line, own] : entry));
    }
    return kept.map(([line]) => line);
  }
  // The condition a programme is most likely for: the one whose own exercise list the programme
  // covers best (the share of its exercises chosen, then how many, then catalog order). A
  // condition about a procedure lists many general exercises; by share it does not win an
  // ordinary programme. The therapist confirms or changes the choice.
  function suggestConditions(conditions, exerciseIds) {
    const chosen = new Set(exerciseIds);
    let best = null;
    for (const condition of conditions) {
      const own = condition.exercises || [];
      const overlap = own.filter((id) => chosen.has(id)).length;
      if (!overlap) continue;
      const score = [overlap / own.length, overlap];
      if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
        best = { id: condition.id, score };
      }
    }
    return best ? [best.id] : [];
  }
  // The safety box a programme prints and shows: each chosen condition's short `handout` list
  // where it has one, else its red flags in full (relations.sheet_flags), merged.
  function safetyFor(state, catalog, rules) {
    const conditions = state.conditions.map((id) => catalog.conditionById.get(id)).filter(Boolean);
    const tier = (name) => merge(conditions.map((c) => (c.handout || c.red_flags)[name] || []), rules);
    return {
      stop_if: merge(state.items.map((item) => catalog.exerciseById.get(item.id).stop_if || []), rules),
      emergency: tier("emergency"),
      urgent: tier("urgent"),
      soon: tier("soon"),
    };
  }
  // "Pain that spreads." -> "pain that spreads", to run on in a sentence.
  function runIn(text) {
    const trimmed = text.replace(/[ .;]+$/, "");
    return /^\p{Lu}[^\s\p{Lu}]*(\s|$)/u.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
  }
  const joinSentences = (items) => `${items.map(runIn).join("; ")}.`;

  // ---- The printed tick grid: generator/limits.py's tracker_layout, with its numbers in `rules` ----
  function trackerLayout(weeks, rules) {
    const ownSheet = weeks > rules.rows * rules.grids;
    const grids = weeks <= rules.rows || ownSheet ? 1 : Math.ceil(weeks / rules.rows);
    return [grids, Math.ceil(weeks / grids), ownSheet];
  }

  // ---- Calendar file (RFC 5545): the rules of generator/reminders.py, given as `rules` ----
  function sessionTimes(frequency, rules) {
    const count = frequency.times_per_day || 1;
    const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const first = minutes(rules.first);
    if (count === 1) return [first];
    const span = Math.max(minutes(rules.last) - first, 0);
    // Python's round() rounds halves to even; so does this.
    const roundHalfEven = (x) => {
      const r = Math.round(x);
      return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
    };
    return Array.from({ length: count }, (_, i) => first + roundHalfEven((span * i) / (count - 1)));
  }
  // As generator/reminders.py's weekdays: work days and 5 days a week are Monday to Friday,
  // 6 all but Sunday; fewer are spread from the first day.
  function weekdays(frequency, start, rules) {
    if (frequency.work_days) return rules.fixed["5"];
    const days = frequency.days_per_week;
    if (days == null || days === 7) return [];
    if (rules.fixed[String(days)]) return rules.fixed[String(days)];
    const first = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    return rules.spread[String(days)].map((offset) => rules.weekdays[(first + offset) % 7]);
  }
  // Days a week it is done: generator/reminders.py's occurrences_per_week.
  const occurrencesPerWeek = (frequency) => (frequency.work_days ? 5 : frequency.days_per_week || 7);
  // The first day on or after `start` that is one of `byday` ("YYYY-MM-DD").
  function firstDay(start, byday, rules) {
    const date = new Date(`${start}T00:00:00Z`);
    for (let i = 0; i < 7 && byday.length; i += 1) {
      if (byday.includes(rules.weekdays[(date.getUTCDay() + 6) % 7])) break;
      date.setUTCDate(date.getUTCDate() + 1);
    }
    return date.toISOString().slice(0, 10);
  }
  const escapeIcs = (text) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  // Lines longer than 75 octets are folded, between characters (RFC 5545, 3.1).
  function fold(line) {
    const encoder = new TextEncoder();
    const out = [];
    let current = "";
    let size = 0;
    for (const ch of line) {
      const bytes = encoder.encode(ch).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += bytes;
    }
    out.push(current);
    return out.join("\r\n ");
  }
  const pad = (n) => String(n).padStart(2, "0");
  // Today in the reader's own calendar, as "YYYY-MM-DD".
  const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  // `start` is "YYYY-MM-DD"; `stamp` a Date (when the file was made).
  // `start` is "YYYY-MM-DD"; `stamp` a Date (when the file was made). `groups` lists each
  // frequency with its exercises' lines (or give one `frequency` and its `lines`): every group
  // gets its own repeating events, on its own days.
  function makeCalendar({ title, frequency, weeks, lines, groups, pageUrl, start, stamp, uidBase }, rules) {
    const stampText = `${stamp.getUTCFullYear()}${pad(stamp.getUTCMonth() + 1)}${pad(stamp.getUTCDate())}T${pad(stamp.getUTCHours())}${pad(stamp.getUTCMinutes())}${pad(stamp.getUTCSeconds())}Z`;
    const out = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${rules.product_id}`, "CALSCALE:GREGORIAN", `X-WR-CALNAME:${escapeIcs(fill(T.calendarName, { title }))}`];
    let number = 0;
    for (const group of groups || [{ frequency, lines }]) {
      const howLong = fill(T.howLong, { how_often: capital(describeFrequency(group.frequency)), weeks: weeksText(weeks) });
      const description = [howLong, ...group.lines, ...(pageUrl ? [fill(T.online, { url: pageUrl })] : [])].join("\n");
      const byday = weekdays(group.frequency, start, rules);
      const compactDate = firstDay(start, byday, rules).replace(/-/g, "");
      const count = weeks * occurrencesPerWeek(group.frequency);
      const rule = `FREQ=${byday.length ? "WEEKLY" : "DAILY"};COUNT=${count}${byday.length ? `;BYDAY=${byday.join(",")}` : ""}`;
      for (const minutes of sessionTimes(group.frequency, rules)) {
        number += 1;
        out.push(
          "BEGIN:VEVENT",
          `SUMMARY:${escapeIcs(fill(T.summary, { title }))}`,
          `DTSTART:${compactDate}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`,
          `DURATION:PT${rules.session_minutes}M`,
          `DTSTAMP:${stampText}`,
          `UID:${uidBase}-session-${number}@${rules.uid_domain}`,
          `RRULE:${rule}`,
          `DESCRIPTION:${escapeIcs(description)}`,
          ...(pageUrl ? [`URL:${pageUrl}`] : []),
          "BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeIcs(fill(T.alarm, { title }))}`, "TRIGGER:PT0S", "END:VALARM",
          "END:VEVENT",
        );
      }
    }
    out.push("END:VCALENDAR");
    return `${out.map(fold).join("\r\n")}\r\n`;
  }

  return {
    FORMAT, describeAmount, describeRest, describeFrequency, describeDosage, weeksText,
    characters, clean, cut, encodeText, decodeText, encodeState, decodeState, dosageFromCatalog,
    emptyState, commonFrequency, sharedFrequency, frequencyGroups, digest, merge, suggestConditions, safetyFor, runIn, joinSentences,
    sessionTimes, weekdays, occurrencesPerWeek, sessionsByWeekday, frequencyOf, makeCalendar, today, trackerLayout,
  };
});
