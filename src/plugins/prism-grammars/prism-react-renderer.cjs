// The `Prism` that the grammars loaded by src/theme/prism-include-languages.ts register on:
// prism-react-renderer's, which highlights the site's code blocks (see index.ts beside this file).
// CommonJS, because docusaurus-theme-redoc's ProvidePlugin binds `Prism` to this module's exports.
/* global module, require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('prism-react-renderer').Prism;
