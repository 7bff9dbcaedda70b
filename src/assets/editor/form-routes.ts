/**
 * Decap CMS 3.16 keeps its form when the address moves from one form to another (Back, Forward, or
 * an address typed in): its editor only makes a new draft when the entry it shows changes, and a
 * new item's entry is always none, so the new abstract keeps the news item's draft; and each field's
 * widget is kept by position (it re-renders only when its value changes), so Session shows the
 * date picker that sat there in the news form. An existing entry reached that way is not loaded
 * at all: the form keeps showing the previous one. A fresh page load is right, so such a move
 * reloads the page (docs/editing.md).
 */

/** One of Decap's form routes: a collection's new item, or one of its entries. */
export interface FormRoute {
  collection: string;
  /** The entry's slug ("2023/mou/index"); undefined for a new item. */
  entry: string | undefined;
}

const formPattern = /^#\/collections\/([^/?]+)\/(?:new|entries\/([^?]+))(?:\?.*)?$/;

/**
 * "#/collections/news/new" → news' new item; "#/collections/news/entries/2023/a/index" → that
 * entry; any other route → undefined.
 */
export function formRoute(hash: string): FormRoute | undefined {
  const match = formPattern.exec(hash);
  if (!match) return undefined;
  return { collection: match[1] ?? "", entry: match[2] };
}

/**
 * Whether moving from the form shown to the next route needs a fresh page. Decap handles its own
 * moves: to a new item of the same collection (it makes a new draft), and from a new item to the
 * entry it just saved (`savedNew`).
 */
export function needsFreshForm(shown: FormRoute | undefined, next: FormRoute | undefined, savedNew: boolean): boolean {
  if (!shown || !next) return false;
  if (shown.collection !== next.collection) return true;
  if (next.entry === undefined || next.entry === shown.entry) return false;
  return !(shown.entry === undefined && savedNew);
}

/**
 * Reloads the page when the address moves to a form Decap would show wrongly. Listens before
 * Decap's router (capture, registered before Decap starts), which then never sees that move; a
 * form with unsaved changes makes the browser ask before reloading (Decap's own beforeunload).
 * `onSaved` is to be called after each save, with whether the entry saved was a new one.
 */
export function reloadOnFormChange(): { onSaved(wasNew: boolean): void } {
  let shown = formRoute(location.hash);
  let savedNew = false;
  window.addEventListener(
    "hashchange",
    (event) => {
      const next = formRoute(location.hash);
      if (needsFreshForm(shown, next, savedNew)) {
        event.stopImmediatePropagation();
        location.reload();
        return;
      }
      shown = next;
      savedNew = false;
    },
    { capture: true },
  );
  return {
    onSaved: (wasNew) => {
      savedNew = wasNew;
    },
  };
}
