"""Every word the routine builder's scripts show (theme/assets/javascripts/builder/), in one
place: rendered into the builder page as the `ui-strings` JSON island, read by `strings.js`.

Keys are camelCase; `{field}` placeholders are filled in the browser by `format(key, fields)`.
The printed sheet's words are not here: they are the sheet macros' own (_macros.md.j2), shared
with the routine pages. The programme's phrases (dosage, frequency, weeks) are programme.js's,
tested against generator/pages/dosage.py.
"""

from __future__ import annotations

from typing import Final

BUILDER: Final[dict[str, str]] = {
    # Loading, the page's title, dates
    "loadFailed": (
        "The exercise list could not be loaded. Check your connection and reload the page."
    ),
    "editorTitle": "Build a home routine",
    "patientTitle": "{title} - {clinic}",
    "months": (
        "January,February,March,April,May,June,July,August,September,October,November,December"
    ),
    "date": "{day} {month} {year}",
    # A link that was opened
    "linkProblems": "Some of this link could not be used",
    "linkProblemsKept": "Everything else in the link was kept.",
    "longLink": (
        "This link is longer than the builder makes now ({link} characters), so the "
        "printed sheet has no QR code: it prints the website's address instead. "
        "Everything in the link is shown."
    ),
    # How often, and the title when none is given
    "oftenEach": "as given for each exercise",
    "oftenNotSet": "not set yet",
    "oftenFor": "{often}, for {weeks}",
    "defaultTitle": "Your home exercise programme",
    # Safety advice on screen
    "safetyHeading": "When to get help straight away",
    "safetyEmergency": "Seek emergency care now ({emergency}) if you have:",
    "safetyUrgent": "Get an urgent appointment the same day ({urgent}) if you have:",
    "safetySoon": "See your GP (family doctor) soon, within a week or two, if you have:",
    "safetyGeneral": (
        "No condition was chosen for this programme. If you feel very unwell or think it "
        "is an emergency, seek emergency care now ({emergency})."
    ),
    "safetyNoCondition": (
        "No condition is chosen yet: choose what this programme is for (below) to show "
        "the warning signs that go with it."
    ),
    "stopHeading": "Stop and get advice if",
    "stopDefault": "Any exercise causes sharp or spreading pain, numbness or weakness.",
    "askAdvice": "Ask {clinic} for advice.",
    "askAdvicePhone": "Ask {clinic} for advice on {phone}.",
    "safetyIntro": "This is the safety advice the patient sees and the sheet prints:",
    # The patient's view
    "from": "From {from}.",
    "fromStart": "From {from}. Start on {start}.",
    "howOftenLabel": "How often: ",
    "forLabel": "For: ",
    "yourExercises": "Your exercises",
    "numbered": "{number}. {name}",
    "therapistNote": "Your therapist's note: ",
    "moreAbout": "More about {name}",
    "staySafe": "Stay safe",
    "forTherapist": "For your physiotherapist",
    "editProgramme": "Edit this programme",
    # Print, calendar, and the question before sharing with general advice only
    "print": "Print",
    "printLarge": "Print in large print",
    "addToCalendar": "Add reminders to your calendar",
    "printFailed": (
        "The printed sheet could not be made: shorten the notes or the instructions, then "
        "print again."
    ),
    "printEmpty": "Add at least one exercise before printing.",
    "calendarLine": "{number}. {name}: {dosage}",
    "calendarFile": "home-exercises.ics",
    "calendarMade": "Calendar file made. Open it to add the reminders to your calendar.",
    "askGeneral": (
        "No condition is chosen, so the patient will see general safety advice only, not "
        "the warning signs that go with a condition."
    ),
    "askChoose": "Choose what it is for",
    "askGoAhead": "Go ahead with general advice",
    # The editor's sections and fields
    "startHeading": "Start from a ready-made routine",
    "routine": "Routine",
    "routineHint": "Replaces the exercises below with the routine's, which you can then change.",
    "chooseRoutine": "Choose a routine",
    "useRoutine": "Use this routine",
    "detailsHeading": "About the programme",
    "titleLabel": "Title for the patient",
    "titleHint": "For example: Your back programme. Do not use the patient's name.",
    "instructionsLabel": "Instructions for the patient",
    "therapistLabel": "Therapist (printed on the sheet)",
    "startLabel": "Start date",
    "howOften": "How often",
    "number": "Number",
    "weeksLabel": "For how many weeks",
    "asSetForEach": "As set for each exercise",
    "timesADay": "Times a day",
    "timesAWorkDay": "Times a day, Monday to Friday",
    "daysAWeek": "Days a week",
    "conditionsLegend": "What the programme is for (sets the warning signs)",
    "suggested": "{name} (suggested)",
    "findHeading": "Find exercises",
    "searchLabel": "Search by name",
    "areaLabel": "Body area",
    "typeLabel": "Type",
    "levelLabel": "Level",
    "equipmentLabel": "Equipment",
    "anyArea": "Any body area",
    "anyType": "Any type",
    "anyLevel": "Any level",
    "levelOption": "{level} ({number})",
    "anyEquipment": "Any equipment",
    "noEquipment": "No equipment (a mat is fine)",
    "resultsLabel": "Matching exercises",
    "resultMeta": "{level}; {areas}",
    "add": "Add",
    "matchesOne": "{count} exercise matches.",
    "matchesMany": "{count} exercises match.",
    "programmeHeading": "The programme",
    "empty": "No exercises yet. Add them from the list above, or start from a ready-made routine.",
    "clearAll": "Clear all",
    "shareHeading": "Share and print",
    "linkLabel": "Link to this programme",
    "linkHint": "Send this link to the patient. It opens a page made for them.",
    "copyLink": "Copy link",
    "copied": "Link copied.",
    "copyByHand": "Press Ctrl+C (or Cmd+C) to copy the selected link.",
    "showPatientView": "Show the patient's view",
    "qrLabel": "QR code of the programme link",
    "room": "The link uses {used} of {link} characters.",
    "roomFull": (
        "The link uses {used} of {link} characters. Too long: it will be shortened when "
        "you leave the field."
    ),
    # Each exercise in the programme
    "howMuch": "How much: {name}",
    "sets": "Sets",
    "eachSet": "Each set is",
    "repetitions": "Repetitions",
    "holdKind": "A hold (seconds)",
    "holdSeconds": "Hold (seconds)",
    "minutes": "Minutes",
    "rest": "Rest between sets (seconds)",
    "eachSide": "On each side",
    "noteFor": "Note for {name} (optional)",
    "moveUp": "Move up",
    "moveDown": "Move down",
    "remove": "Remove",
    "moveUpLabel": "Move {name} up",
    "moveDownLabel": "Move {name} down",
    "removeLabel": "Remove {name}",
    # What the builder says (a live region) after a change
    "full": "The programme is full ({items} exercises).",
    "noRoom": (
        "The link has no room for another exercise. Shorten a note or the instructions first."
    ),
    "added": "{name} added. {count} of {items} exercises.",
    "already": "Note: {name} was already number {number} in the programme.",
    "moved": "{name} moved to position {position}.",
    "removed": "{name} removed. {count} exercises in the programme.",
    "cleared": "The programme was cleared.",
    "started": 'Started from "{name}": {count} exercises. Now the title for the patient.',
    "dosageOf": "{name}: {dosage}.",
    "everyExercise": "Every exercise: {often}.",
    "forWeeks": "For {weeks}.",
    "startDate": "Start date {date}.",
    "noStartDate": "No start date.",
    "conditionChosen": "{name} chosen. The warning signs are updated.",
    "conditionDropped": "{name} no longer chosen. The warning signs are updated.",
    "shortened": "Shortened to {limit} characters.",
    "shortenedToFit": "Shortened to fit in the link.",
}
