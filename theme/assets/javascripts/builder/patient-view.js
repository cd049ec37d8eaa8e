// The patient's view: the page a programme link opens, read-only, made for the patient.
import { actionButtons } from "./actions.js";
import { h } from "./dom.js";
import { P } from "./programme.js";
import { safetyBox } from "./safety-box.js";
import { clinic, conditionUrl, exerciseUrl, settings, siteUrl } from "./settings.js";
import { exerciseOf, howOften, lookup, showMode, state, title } from "./state.js";
import { format, readableDate } from "./strings.js";

export const patientView = h("article", { class: "patient-view screen-only" });

function exerciseCard(item, index) {
  const exercise = exerciseOf(item);
  const picture = exercise.picture;
  return h("li", { class: "patient-exercise" },
    h("h3", { text: format("numbered", { number: index + 1, name: exercise.name }) }),
    // The movement as an animation, or the numbered still pictures for readers who ask for
    // less motion (and on paper, where the sheet uses the still pictures).
    picture ? h("picture", {},
      picture.motion_uri ? h("source", { srcset: siteUrl(picture.uri), media: "(prefers-reduced-motion: reduce)" }) : null,
      h("img", { class: "exercise-figure", src: siteUrl(picture.motion_uri || picture.uri), alt: picture.alt, width: picture.width, height: picture.height })) : null,
    h("p", { class: "dosage" }, h("strong", { text: `${P.describeDosage(item.dosage)}.` })),
    item.note ? h("p", { class: "patient-note" }, h("strong", { text: format("therapistNote") }), item.note) : null,
    h("ol", {}, exercise.steps.map((step) => h("li", { text: step }))),
    h("p", {}, h("a", { href: exerciseUrl(exercise.id), text: format("moreAbout", { name: exercise.name }) })));
}

export function renderPatientView() {
  const safety = P.safetyFor(state, lookup, settings.merge);
  const conditions = state.conditions.map((id) => lookup.conditionById.get(id)).filter(Boolean);
  const from = [clinic.name, state.therapist].filter(Boolean).join(", ");
  patientView.replaceChildren(...[
    h("h1", { id: "patient-title", tabindex: "-1", text: title() }),
    h("p", { class: "patient-from", text: format(state.start ? "fromStart" : "from", { from, start: state.start ? readableDate(state.start) : "" }) }),
    state.instructions ? h("p", { class: "patient-instructions", text: state.instructions }) : null,
    h("div", { class: "facts" }, h("ul", {},
      h("li", {}, h("strong", { text: format("howOftenLabel") }), howOften()),
      conditions.length ? h("li", {}, h("strong", { text: format("forLabel") }), conditions.flatMap((c, i) => [i ? ", " : "", h("a", { href: conditionUrl(c.id), text: c.name })])) : null)),
    actionButtons(),
    h("h2", { text: format("yourExercises") }),
    h("ol", { class: "patient-exercises" }, state.items.map(exerciseCard)),
    h("h2", { text: format("staySafe") }),
    safetyBox(safety, "p", true),
    h("details", { class: "patient-edit" },
      h("summary", { text: format("forTherapist") }),
      h("button", { type: "button", class: "md-button", onclick: () => showMode("editor", "edit-title") }, format("editProgramme"))),
  ].filter(Boolean));
}
