"""The words the site's JavaScript shows, one table per script, sent to the page translated.

Each table maps a camelCase key to an English source message (`N_`): a string, a list of them
(`months`), a table by count (`{1: "once a day"}`), or a counted phrase (a function from the
count to its `ngettext` message, as in dosage.py). `ui_strings(*scripts)` gives a
page one JSON island, `<script type="application/json" id="ui-strings">`, with the tables its
scripts use in the build's language; `ui-strings.js` reads it into `window.ClinicUiStrings`.

A counted phrase is sent as its forms by CLDR plural category (`{"one": ..., "other": ...}`),
each the catalog's form for a number of that category; the script picks one with
`Intl.PluralRules` for the count. Diary words fill `{field}`s; programme.js's words are the
very messages of dosage.py and reminders.py, with their `%(field)s`s, so a phrase made in
Python and in the browser is one message in the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from generator.messages.active import N_, current, gettext, ngettext
from generator.pages import dosage, reminders
from generator.pages.dosage import Counted

Message = str | list[str] | Counted | dict[int, str]

# diary.js: the patient's diary and the progress report.
DIARY: dict[str, Message] = {
    "heading": N_("My diary"),
    "months": [
        N_("Jan"),
        N_("Feb"),
        N_("Mar"),
        N_("Apr"),
        N_("May"),
        N_("Jun"),
        N_("Jul"),
        N_("Aug"),
        N_("Sep"),
        N_("Oct"),
        N_("Nov"),
        N_("Dec"),
    ],
    "shortDate": N_("{day} {month}"),
    "offIntro": N_(
        "You can keep a diary of your exercises on this phone: tick what you did each day, "
        "rate your pain from 0 to 10 and add a short note."
    ),
    "offWhere": N_(
        "The diary is kept only in this browser, on this device. It is never sent to the clinic "
        "or anyone else. Nothing is kept until you turn it on, and you can delete it at any time."
    ),
    "help": N_("How the diary works, and how to keep your programme on your phone"),
    "turnOn": N_("Keep a diary on this phone"),
    "onWhere": N_(
        "Your diary is kept only in this browser, on this device, for this programme. "
        "It is never sent."
    ),
    "day": N_("Day"),
    "today": N_("Today"),
    "done": N_("Done"),
    "session": N_("{name}: session {i} of {n}"),
    "onceDone": N_("{name}: done"),
    "pain": N_("Pain today (0 no pain, 10 worst pain)"),
    "painScore": N_("Pain (0 to 10)"),
    "painNone": N_("Not recorded"),
    "note": N_("Short note (optional)"),
    "saved": N_("Saved on this phone."),
    "weeksHeading": N_("My weeks"),
    "weekTitle": N_("Week {n}: {from} to {to}"),
    "exercise": N_("Exercise"),
    "sessionsDone": N_("Done"),
    "sessionsPlanned": N_("Planned"),
    "painHeading": N_("My pain"),
    "painChart": N_("Chart of your pain scores. The table beside it lists the same scores."),
    "painTable": N_("Pain scores by day"),
    "date": N_("Date"),
    "week": N_("Week"),
    "noPain": N_("No pain scores yet."),
    "notes": N_("Notes"),
    "print": N_("Print my diary"),
    "csv": N_("Download as a spreadsheet (CSV)"),
    "csvFile": N_("my-exercise-diary.csv"),
    "share": N_("Show my therapist"),
    "shareIntro": N_(
        "This makes a link and a QR code with a summary: the sessions you did each week and "
        "your pain scores. Your therapist opens it on their screen. Nothing is sent unless you "
        "send or show the link."
    ),
    "includeNotes": N_("Include my notes"),
    "shareLink": N_("Link to my progress report"),
    "copy": N_("Copy link"),
    "copied": N_("Link copied."),
    "copyByHand": N_("Press Ctrl+C (or Cmd+C) to copy the selected link."),
    "droppedWeeks": N_("The link can hold only the last {n} weeks."),
    "droppedNotes": N_("Some notes did not fit in the link and were left out."),
    "qrLabel": N_("QR code of the progress report link"),
    "remove": N_("Delete my diary"),
    "confirmRemove": N_(
        "Delete your diary for this programme from this phone? This cannot be undone."
    ),
    "removed": N_("Your diary was deleted from this phone."),
    "reportHeading": N_("Progress report"),
    "reportIntro": N_(
        "What the patient recorded in their diary, week by week, beside the programme above. "
        "It came in the link; nothing was stored or sent."
    ),
    "reportProblem": N_("Some of the progress report could not be read"),
    "unknownReport": N_(
        "This progress report was made by a newer version of the site and could not be read."
    ),
    "damagedReport": N_(
        "Part of the progress report was damaged in the link; what could be read is shown."
    ),
    "notRecorded": N_("not recorded"),
    "of": N_("{done} of {planned}"),
    "averagePain": N_("Average pain"),
}

# programme.js: dosage phrases and calendar words (the messages Python uses for the same
# phrases) and the problems of a link it cannot read in full.
PROGRAMME: dict[str, Message] = {
    "set": dosage.n_sets,
    "repetition": dosage.n_repetitions,
    "minute": dosage.n_minutes,
    "second": dosage.n_seconds,
    "times": dosage.n_times,
    "week": dosage.n_weeks,
    "daysAWeek": dosage.n_days_a_week,
    "timesADay": dosage.n_times_a_day,
    "timesAWorkDay": dosage.n_times_a_work_day,
    "timesADayWords": dosage.TIMES_A_DAY_WORDS,
    "timesAWorkDayWords": dosage.TIMES_A_WORK_DAY_WORDS,
    "setsOfReps": dosage.SETS_OF_REPS[0],
    "setsOfRepsEachSide": dosage.SETS_OF_REPS[1],
    "hold": dosage.HOLD[0],
    "holdEachSide": dosage.HOLD[1],
    "minutesEachSide": dosage.MINUTES_ON_EACH_SIDE,
    "setsOfMinutes": dosage.SETS_OF_MINUTES[0],
    "setsOfMinutesEachSide": dosage.SETS_OF_MINUTES[1],
    "restBetweenHolds": dosage.REST["holds"],
    "restBetweenSets": dosage.REST["sets"],
    "everyDay": dosage.EVERY_DAY,
    "dosage": dosage.DOSAGE[0],
    "dosageWithRest": dosage.DOSAGE[1],
    "calendarName": reminders.CALENDAR_NAME,
    "summary": reminders.SUMMARY,
    "alarm": reminders.ALARM,
    "howLong": reminders.HOW_LONG,
    "online": reminders.ONLINE,
    "linkTooLong": N_(
        "The link is much longer than any the builder makes; only its beginning was read."
    ),
    "linkUnknown": N_(
        "This link was not made by this routine builder, or by a newer version of it, "
        "and could not be read."
    ),
    "unknownExercises": lambda count: ngettext(
        "The link names an exercise that is not on this site; it was left out.",
        "The link names %(count)s exercises that are not on this site; they were left out.",
        count,
    ),
    "unknownConditions": lambda count: ngettext(
        "The link names a condition that is not on this site; it was left out.",
        "The link names %(count)s conditions that are not on this site; they were left out.",
        count,
    ),
    "tooMany": lambda count: ngettext(
        "A programme has at most %(limit)s exercises; %(count)s more was left out.",
        "A programme has at most %(limit)s exercises; %(count)s more were left out.",
        count,
    ),
    "badAmount": N_(
        "The amount in the link was not valid for %(names)s, so the usual amount is shown."
    ),
    "damaged": N_("Part of %(names)s was damaged in the link; what could be read is shown."),
    "unreadable": N_("Part of the link could not be read and was ignored."),
    "fieldTitle": N_("the title"),
    "fieldInstructions": N_("the instructions"),
    "fieldTherapist": N_("the therapist's name"),
    "fieldStart": N_("the start date"),
    "fieldFrequency": N_("how often"),
    "fieldWeeks": N_("the number of weeks"),
    "fieldNote": N_("the note for %(name)s"),
    "more": lambda count: ngettext("%(count)s more", "%(count)s more", count),
    "listSeparator": N_(", "),
    "lastOfList": N_("%(names)s and %(last)s"),
}

# builder/*.js: the routine builder (its printed sheet's words are the sheet macros').
BUILDER: dict[str, Message] = {
    # Loading, the page's title, dates
    "loadFailed": N_(
        "The exercise list could not be loaded. Check your connection and reload the page."
    ),
    "editorTitle": N_("Build a home routine"),
    "patientTitle": N_("{title} - {clinic}"),
    "months": [
        N_("January"),
        N_("February"),
        N_("March"),
        N_("April"),
        N_("May"),
        N_("June"),
        N_("July"),
        N_("August"),
        N_("September"),
        N_("October"),
        N_("November"),
        N_("December"),
    ],
    "date": N_("{day} {month} {year}"),
    # A link that was opened
    "linkProblems": N_("Some of this link could not be used"),
    "linkProblemsKept": N_("Everything else in the link was kept."),
    "longLink": N_(
        "This link is longer than the builder makes now ({link} characters), so the "
        "printed sheet has no QR code: it prints the website's address instead. "
        "Everything in the link is shown."
    ),
    # How often, and the title when none is given
    "oftenEach": N_("as given for each exercise"),
    "oftenNotSet": N_("not set yet"),
    "oftenFor": N_("{often}, for {weeks}"),
    "defaultTitle": N_("Your home exercise programme"),
    # Safety advice on screen
    "safetyHeading": N_("When to get help straight away"),
    "safetyEmergency": N_("Seek emergency care now ({emergency}) if you have:"),
    "safetyUrgent": N_("Get an urgent appointment the same day ({urgent}) if you have:"),
    "safetyGeneral": N_(
        "No condition was chosen for this programme. If you feel very unwell or think it "
        "is an emergency, seek emergency care now ({emergency})."
    ),
    "safetyNoCondition": N_(
        "No condition is chosen yet: choose what this programme is for (below) to show "
        "the warning signs that go with it."
    ),
    "stopHeading": N_("Stop and get advice if"),
    "stopDefault": N_("Any exercise causes sharp or spreading pain, numbness or weakness."),
    "askAdvice": N_("Ask {clinic} for advice."),
    "askAdvicePhone": N_("Ask {clinic} for advice on {phone}."),
    "safetyIntro": N_("This is the safety advice the patient sees and the sheet prints:"),
    # The patient's view
    "from": N_("From {from}."),
    "fromStart": N_("From {from}. Start on {start}."),
    "howOftenLabel": N_("How often: "),
    "forLabel": N_("For: "),
    "yourExercises": N_("Your exercises"),
    "numbered": N_("{number}. {name}"),
    "therapistNote": N_("Your therapist's note: "),
    "moreAbout": N_("More about {name}"),
    "staySafe": N_("Stay safe"),
    "forTherapist": N_("For your physiotherapist"),
    "editProgramme": N_("Edit this programme"),
    # Print, calendar, and the question before sharing with general advice only
    "print": N_("Print"),
    "printLarge": N_("Print in large print"),
    "addToCalendar": N_("Add reminders to your calendar"),
    "printFailed": N_(
        "The printed sheet could not be made: shorten the notes or the instructions, then "
        "print again."
    ),
    "printEmpty": N_("Add at least one exercise before printing."),
    "calendarLine": N_("{number}. {name}: {dosage}"),
    "calendarFile": N_("home-exercises.ics"),
    "calendarMade": N_("Calendar file made. Open it to add the reminders to your calendar."),
    "askGeneral": N_(
        "No condition is chosen, so the patient will see general safety advice only, not "
        "the warning signs that go with a condition."
    ),
    "askChoose": N_("Choose what it is for"),
    "askGoAhead": N_("Go ahead with general advice"),
    # The editor's sections and fields
    "startHeading": N_("Start from a ready-made routine"),
    "routine": N_("Routine"),
    "routineHint": N_(
        "Replaces the exercises below with the routine's, which you can then change."
    ),
    "chooseRoutine": N_("Choose a routine"),
    "useRoutine": N_("Use this routine"),
    "detailsHeading": N_("About the programme"),
    "titleLabel": N_("Title for the patient"),
    "titleHint": N_("For example: Your back programme. Do not use the patient's name."),
    "instructionsLabel": N_("Instructions for the patient"),
    "therapistLabel": N_("Therapist (printed on the sheet)"),
    "startLabel": N_("Start date"),
    "howOften": N_("How often"),
    "number": N_("Number"),
    "weeksLabel": N_("For how many weeks"),
    "asSetForEach": N_("As set for each exercise"),
    "timesADay": N_("Times a day"),
    "timesAWorkDay": N_("Times a day, Monday to Friday"),
    "daysAWeek": N_("Days a week"),
    "conditionsLegend": N_("What the programme is for (sets the warning signs)"),
    "suggested": N_("{name} (suggested)"),
    "findHeading": N_("Find exercises"),
    "searchLabel": N_("Search by name"),
    "areaLabel": N_("Body area"),
    "typeLabel": N_("Type"),
    "levelLabel": N_("Level"),
    "equipmentLabel": N_("Equipment"),
    "anyArea": N_("Any body area"),
    "anyType": N_("Any type"),
    "anyLevel": N_("Any level"),
    "levelOption": N_("{level} ({number})"),
    "anyEquipment": N_("Any equipment"),
    "noEquipment": N_("No equipment (a mat is fine)"),
    "resultsLabel": N_("Matching exercises"),
    "resultMeta": N_("{level}; {areas}"),
    "add": N_("Add"),
    "matchesOne": N_("{count} exercise matches."),
    "matchesMany": N_("{count} exercises match."),
    "programmeHeading": N_("The programme"),
    "empty": N_(
        "No exercises yet. Add them from the list above, or start from a ready-made routine."
    ),
    "clearAll": N_("Clear all"),
    "shareHeading": N_("Share and print"),
    "linkLabel": N_("Link to this programme"),
    "linkHint": N_("Send this link to the patient. It opens a page made for them."),
    "copyLink": N_("Copy link"),
    "copied": N_("Link copied."),
    "copyByHand": N_("Press Ctrl+C (or Cmd+C) to copy the selected link."),
    "showPatientView": N_("Show the patient's view"),
    "qrLabel": N_("QR code of the programme link"),
    "room": N_("The link uses {used} of {link} characters."),
    "roomFull": N_(
        "The link uses {used} of {link} characters. Too long: it will be shortened when "
        "you leave the field."
    ),
    # Each exercise in the programme
    "howMuch": N_("How much: {name}"),
    "sets": N_("Sets"),
    "eachSet": N_("Each set is"),
    "repetitions": N_("Repetitions"),
    "holdKind": N_("A hold (seconds)"),
    "holdSeconds": N_("Hold (seconds)"),
    "minutes": N_("Minutes"),
    "rest": N_("Rest between sets (seconds)"),
    "eachSide": N_("On each side"),
    "noteFor": N_("Note for {name} (optional)"),
    "moveUp": N_("Move up"),
    "moveDown": N_("Move down"),
    "remove": N_("Remove"),
    "moveUpLabel": N_("Move {name} up"),
    "moveDownLabel": N_("Move {name} down"),
    "removeLabel": N_("Remove {name}"),
    # What the builder says (a live region) after a change
    "full": N_("The programme is full ({items} exercises)."),
    "noRoom": N_(
        "The link has no room for another exercise. Shorten a note or the instructions first."
    ),
    "added": N_("{name} added. {count} of {items} exercises."),
    "already": N_("Note: {name} was already number {number} in the programme."),
    "moved": N_("{name} moved to position {position}."),
    "removed": N_("{name} removed. {count} exercises in the programme."),
    "cleared": N_("The programme was cleared."),
    "started": N_('Started from "{name}": {count} exercises. Now the title for the patient.'),
    "dosageOf": N_("{name}: {dosage}."),
    "everyExercise": N_("Every exercise: {often}."),
    "forWeeks": N_("For {weeks}."),
    "startDate": N_("Start date {date}."),
    "noStartDate": N_("No start date."),
    "conditionChosen": N_("{name} chosen. The warning signs are updated."),
    "conditionDropped": N_("{name} no longer chosen. The warning signs are updated."),
    "shortened": N_("Shortened to {limit} characters."),
    "shortenedToFit": N_("Shortened to fit in the link."),
}

# Tables by script, as the island names them.
SCRIPTS: dict[str, Mapping[str, Message]] = {
    "builder": BUILDER,
    "diary": DIARY,
    "programme": PROGRAMME,
}

# A number of every CLDR plural category of any language (1000000: "many" in French).
_SAMPLES = (*range(0, 200), 1_000_000)


def language() -> str:
    """The language of the active catalog as a BCP 47 tag (its `Language` header), English
    when it has none."""
    return (current().info().get("language") or "en").replace("_", "-")


@lru_cache(maxsize=8)
def _sample_numbers(code: str) -> tuple[tuple[str, int], ...]:
    """(CLDR category, the first number of it) for each plural category of `code`."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(code.split("-")[0])
    found: dict[str, int] = {}
    for number in _SAMPLES:
        found.setdefault(locale.plural_form(number), number)
    return tuple(found.items())


def plural_forms(phrase: Counted) -> dict[str, str]:
    """A counted phrase's forms by CLDR category, each the catalog's form for a number of it."""
    return {category: phrase(number) for category, number in _sample_numbers(language())}


def translated(message: Message) -> object:
    """One table value in the build's language, as the scripts read it."""
    if isinstance(message, str):
        return gettext(message)
    if callable(message):
        return plural_forms(message)
    if isinstance(message, dict):
        return {str(count): gettext(text) for count, text in message.items()}
    return [gettext(text) for text in message]


def ui_strings(*scripts: str) -> dict[str, object]:
    """The island's data: `scripts`' tables in the build's language, and the language itself
    (for the scripts' plural rules)."""
    data: dict[str, object] = {"language": language()}
    for script in scripts:
        data[script] = {key: translated(value) for key, value in SCRIPTS[script].items()}
    return data
