// The builder's page data from the generator (render.builder_settings): limits, labels, the
// clinic's details, calendar and merge rules, and the site's paths (`{id}` stands for an id).
export const settings = JSON.parse(document.getElementById("builder-settings").textContent);
export const { limits, labels, clinic } = settings;
const paths = settings.addresses;

export const siteUrl = (path) => {
  const config = document.getElementById("__config");
  const base = config ? `${JSON.parse(config.textContent).base}/` : paths.root;
  return new URL(`${base}${path}`, window.location.href).href;
};
export const catalogUrl = () => siteUrl(paths.catalog);
export const exerciseUrl = (id) => siteUrl(paths.exercise.replace("{id}", () => id));
export const conditionUrl = (id) => siteUrl(paths.condition.replace("{id}", () => id));
// The site's address without "https://" and the trailing slash: short enough to type.
export const shortAddress = () => siteUrl("").replace(/^https?:\/\//, "").replace(/\/$/, "");
