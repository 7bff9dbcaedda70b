/** Where npm start's preview server answers besides the preview's files (scripts/lib/preview/server-thread.mjs). */

/** The script it adds to the preview's pages (src/assets/preview/refusal-banner.ts). */
export const refusalBannerPath = "/.preview/refusal-banner.js";
/**
 * The build's refusal as server-sent events: `{ "refusal": "<the build's message>" }`, or null
 * while it accepts the content.
 */
export const refusalEventsPath = "/.preview/refusal";
