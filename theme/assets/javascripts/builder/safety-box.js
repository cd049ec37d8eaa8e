// The programme's safety advice on screen (the patient's view and the editor): the same lines,
// in the same order, as the printed sheet's box.
import { h, list } from "./dom.js";
import { clinic, settings } from "./settings.js";
import { format, parts } from "./strings.js";

// The clinic's phone as a link that dials it.
const phoneLink = () => h("a", { href: `tel:${clinic.phone.replace(/[^0-9+]/g, "")}`, class: "programme-phone", text: clinic.phone });

// `general`: no condition was chosen and the therapist shared it anyway (the patient's view).
export function safetyBox(safety, headingLevel, general) {
  const care = clinic.urgent_care;
  const heading = (text) => h(headingLevel, { class: "admonition-title", text });
  const tier = (text, lines) => (lines.length ? [h("p", {}, h("strong", { text })), list(lines)] : null);
  return h("div", { class: "programme-safety" },
    h("div", { class: "admonition danger" }, heading(format("safetyHeading")),
      safety.emergency.length ? [
        tier(format("safetyEmergency", { emergency: care.emergency }), safety.emergency),
        tier(format("safetyUrgent", { urgent: care.urgent }), safety.urgent),
        tier(settings.soon_heading, safety.soon),
      ] : h("p", { class: "programme-warning", text: general
        ? format("safetyGeneral", { emergency: care.emergency })
        : format("safetyNoCondition") })),
    h("div", { class: "admonition warning" }, heading(format("stopHeading")),
      safety.stop_if.length ? list(safety.stop_if) : h("p", { text: format("stopDefault") }),
      h("p", {}, clinic.phone
        ? parts("askAdvicePhone", { clinic: clinic.name, phone: phoneLink() })
        : format("askAdvice", { clinic: clinic.name }))));
}
