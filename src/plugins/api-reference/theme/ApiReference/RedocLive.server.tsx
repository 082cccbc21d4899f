/**
 * The server bundle's RedocLive (see the api-reference plugin's webpack config): the build renders the
 * static markup in Node (redoc/render.ts) and Redoc only ever goes live in the browser, so the server
 * bundle needs none of Redoc's code.
 */
export default function RedocLive(): null {
  return null;
}
