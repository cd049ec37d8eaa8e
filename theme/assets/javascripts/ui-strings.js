// The words of the site's scripts, in the page's language: the page's `#ui-strings` JSON island
// (made by generator/pages/ui_strings.py), read once into `window.ClinicUiStrings` before the
// scripts that show them (programme.js, diary.js). No page has words of its own here.
"use strict";

window.ClinicUiStrings = (() => {
  const island = document.getElementById("ui-strings");
  return Object.freeze(island ? JSON.parse(island.textContent) : {});
})();
