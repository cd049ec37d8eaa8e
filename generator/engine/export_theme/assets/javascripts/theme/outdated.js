/* Material for MkDocs / Zensical inline script (MIT, Martin Donath), moved to a file so pages need no inline scripts under their Content-Security-Policy. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base,location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
