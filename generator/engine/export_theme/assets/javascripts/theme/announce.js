/* Material for MkDocs / Zensical inline script (MIT, Martin Donath), moved to a file so pages need no inline scripts under their Content-Security-Policy. */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
