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

// Calendar links: the built file starts on the day the site was published; with a script, the
// same file (same rules, programme.js) is made in the browser to start today.
function startTodayCalendar(link) {
  const island = document.getElementById(link.dataset.calendar);
  if (!island || !window.ClinicProgramme) return;
  link.addEventListener("click", (event) => {
    const data = JSON.parse(island.textContent);
    const text = window.ClinicProgramme.makeCalendar({ ...data, start: window.ClinicProgramme.today(), stamp: new Date() }, data.rules);
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    const download = document.createElement("a");
    download.href = url;
    download.download = link.getAttribute("href").split("/").pop();
    document.body.append(download);
    download.click();
    download.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    event.preventDefault();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.clinicPrint(button.dataset.print));
  }
  for (const link of document.querySelectorAll("a[data-calendar]")) startTodayCalendar(link);
});
