// Stands in for the yaml package inside Redoc's browser bundle. Redoc needs it only to convert a
// Swagger 2.0 spec given by URL; the reference hands Redoc a bundled OpenAPI 3 object.
function unavailable() {
  throw new Error('yaml is not bundled for Redoc in the browser: pass Redoc a bundled spec object');
}

export const parse = unavailable;
export const stringify = unavailable;
export default { parse, stringify };
