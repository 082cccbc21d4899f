// Stands in for @redocly/openapi-core in the browser bundle. Redoc requires it only to load and
// bundle a spec given by URL; the reference hands Redoc an already bundled spec object, so these are
// never called in the browser, and leaving them out saves ~400 KB of JavaScript per reference page.
function unavailable(name) {
  throw new Error(`${name} is not bundled for the browser: pass Redoc a bundled spec object`);
}

export function bundle() {
  unavailable('@redocly/openapi-core bundle()');
}

export class Config {
  constructor() {
    unavailable('@redocly/openapi-core Config');
  }
}
