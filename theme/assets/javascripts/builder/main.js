// Routine builder: a therapist assembles a home programme for one patient; the link opens a
// read-only page made for the patient. The whole programme lives in the URL fragment (after
// "#"), which browsers never send to a server. Nothing is stored, nothing is sent. The catalog
// comes from the site's own /api/catalog.json; the programme's logic is in programme.js, its
// limits and words come from the generator (page data), its printed sheet from <template>
// elements. This module ties the others together: what a change redraws, the two views, and
// opening a link.
import { h } from "./dom.js";
import { buildEditor, editor, fillDetails, focusOn, renderConditions, renderEditorSafety, renderProgramme, syncProgrammeFields } from "./editor.js";
import { renderResults } from "./exercise-search.js";
import { followAddress, refreshLink } from "./link.js";
import { live, messages, say, showProblems } from "./messages.js";
import { patientView, renderPatientView } from "./patient-view.js";
import { renderItem } from "./programme-list.js";
import { P } from "./programme.js";
import { catalogUrl, clinic, limits } from "./settings.js";
import { renderSheet, sheet } from "./sheet.js";
import { lookup, mode, opening, programmeUrl, refreshDefaults, register, setCatalog, setModeValue, setOpening, setState, state, title } from "./state.js";
import { format } from "./strings.js";

const root = document.getElementById("routine-builder");
window.clinicDescribeDosage = P.describeDosage; // for tests: the same phrase as the Python side

function commit({ structure = false, item, focus, announce } = {}) {
  // Only the therapist's changes rewrite the address; the link a patient opened stays as it is.
  const hash = P.encodeState(state);
  if (!opening && mode === "editor" && window.location.hash !== hash) history.replaceState(null, "", hash);
  if (structure === "item") renderItem(item);
  else if (structure) {
    renderProgramme();
    renderResults();
    renderConditions();
  }
  syncProgrammeFields();
  refreshLink();
  if (mode === "patient") renderPatientView();
  else renderEditorSafety();
  renderSheet();
  focusOn(focus);
  if (announce) say(announce);
}

function setMode(next, focus) {
  setModeValue(next);
  const editing = mode === "editor";
  editor.hidden = !editing;
  patientView.hidden = editing;
  for (const node of document.querySelectorAll(".builder-intro")) node.hidden = !editing;
  document.title = editing ? format("editorTitle") : format("patientTitle", { title: title(), clinic: clinic.name });
  if (editing) {
    renderResults();
    renderConditions();
    renderEditorSafety();
  } else renderPatientView();
  if (focus) focusOn(focus);
  else if (!editing) document.getElementById("patient-title")?.focus();
}

// Open the programme in the link: keep what is valid, say what was not.
function loadFromLink() {
  const decoded = P.decodeState(window.location.hash, lookup, limits);
  setState(decoded.state);
  refreshDefaults();
  fillDetails();
  // A link made before the length cap (old `v1` links) opens whole; only its QR code is lost.
  if (state.items.length && programmeUrl().length > limits.link) {
    decoded.problems.push(format("longLink", { link: limits.link.toLocaleString("en") }));
  }
  showProblems(decoded.problems);
  setModeValue(state.items.length ? "patient" : "editor");
  setOpening(true);
  try {
    commit({ structure: true });
    // An empty builder: the therapist types the title first.
    setMode(mode, mode === "editor" && !decoded.problems.length ? "edit-title" : undefined);
  } finally {
    setOpening(false);
  }
}

register({ commit, showMode: setMode });
followAddress(loadFromLink);

fetch(catalogUrl())
  .then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  })
  .then((data) => {
    setCatalog(data);
    buildEditor();
    root.replaceChildren(live, messages, patientView, editor, sheet);
    loadFromLink();
  })
  .catch((error) => {
    root.replaceChildren(h("p", { role: "alert", text: format("loadFailed") }));
    if (window.console) console.error(error);
  });
