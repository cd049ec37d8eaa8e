// The programme's logic (../programme.js, a classic script shared with the routine pages, the
// diary and the Node tests) as a module: it has run before any module, and set this global.
export const P = globalThis.ClinicProgramme;
