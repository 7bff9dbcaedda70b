/**
 * Parts of the search index the service worker answered as not saved on this device (see
 * `isNotSaved`): counted so the search page can say so instead of showing fewer results or none.
 */
import { isNotSaved } from "../shared/offline-files.ts";
import { fragmentSuffix } from "../shared/pagefind-internals.ts";

export class NotSavedError extends Error {}

let indexPartsNotSaved = 0;

/**
 * How many parts of the index (not results' fragments) were answered "not saved" so far: compared
 * before and after a search, since Pagefind may carry on without a part it could not load.
 */
export const notSavedIndexParts = (): number => indexPartsNotSaved;

/** Passes `response` on, or fails with `NotSavedError` when the service worker said it is not saved. */
export function requireSaved(response: Response, url: string): Response {
  if (!isNotSaved(response)) return response;
  if (!url.endsWith(fragmentSuffix)) indexPartsNotSaved++;
  throw new NotSavedError(`${url} is not saved on this device`);
}
