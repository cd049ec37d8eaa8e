/* Material for MkDocs / Zensical inline script (MIT, Martin Donath), moved to a file so pages need no inline scripts under their Content-Security-Policy. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
