/**
 * English month names, as the archive prints dates (en-GB: "14 November 2023"). Shared by the build
 * and the search page's script, written out rather than Intl.DateTimeFormat("en-GB"), whose first
 * use costs Chromium 12–30 ms (loading locale data) on the way to the first results.
 */
export const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
