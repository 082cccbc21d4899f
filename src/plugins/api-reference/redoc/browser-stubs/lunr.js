// Stands in for lunr inside Redoc's browser bundle: the reference's Redoc stores run with
// `disableSearch` (each page holds one operation; the portal has its own search), so Redoc's search
// index is never built. Only Redoc's import is replaced; the portal's search keeps the real lunr.
export default function lunr() {
  throw new Error("Redoc's search is disabled in the reference");
}
