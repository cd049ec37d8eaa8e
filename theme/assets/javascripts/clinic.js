// Small page behaviours. No network requests, no storage.
"use strict";

// Print buttons: `data-print` prints the standard sheet, `data-print="large"` the large-print
// one. The choice lasts until printing ends, so the browser's own print command gives the
// standard sheet. Printing waits for the page's typeface, so the sheet never falls back to
// another font's wider metrics.
window.clinicPrint = async (size) => {
  const root = document.documentElement;
  root.classList.toggle("print-large", size === "large");
  try {
    await document.fonts.ready;
  } catch (error) {
    // Printing still works with the fallback fonts: the layout keeps the safety box on sheet 1.
  }
  window.print();
};

window.addEventListener("afterprint", () => document.documentElement.classList.remove("print-large"));

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.clinicPrint(button.dataset.print));
  }
});
