/**
 * Where an operation page keeps the build's Redoc markup and CSS (RedocOperation renders them; the entry
 * route reads them back from a server-rendered page instead of shipping them twice in its embedded data).
 */
export const STATIC_MARKUP_ATTRIBUTE = 'data-redoc-markup';
export const STATIC_CSS_ATTRIBUTE = 'data-redoc-css';
