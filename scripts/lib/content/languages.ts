/**
 * Language tags of items (`lang` in front matter, the site's `language`): which tags are accepted,
 * and how a language is named. Both come from the ICU data built into Node (Intl), the same data a
 * browser names languages with, so no list is kept by hand.
 */
export { languageAutonym } from "../../../src/assets/shared/language-name.ts";

const englishNames = new Intl.DisplayNames("en", { type: "language", fallback: "none" });

/**
 * A well-formed BCP 47 tag whose language a browser can name: `es`, `fr`, `pt-BR`, `es-419`.
 * `xx` is well formed but no language; `spanish` is a name, not a tag.
 */
export function isKnownLanguage(tag: string): boolean {
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    if (Intl.getCanonicalLocales(tag)[0] !== tag) return false;
    return englishNames.of(tag) !== undefined && englishNames.of(tag.split("-")[0] as string) !== undefined;
  } catch {
    return false;
  }
}

/** "es" → "Spanish", for messages. */
export function languageName(tag: string): string {
  return englishNames.of(tag) ?? tag;
}

let tagsByName: Map<string, string> | undefined;

/** The two-letter tag of a language written out in English ("spanish" → "es"), for "did you mean". */
export function tagForName(name: string): string | undefined {
  if (!tagsByName) {
    tagsByName = new Map();
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (const a of letters) {
      for (const b of letters) {
        const found = englishNames.of(a + b);
        if (found && !tagsByName.has(found.toLowerCase())) tagsByName.set(found.toLowerCase(), a + b);
      }
    }
  }
  return tagsByName.get(name.trim().toLowerCase());
}

/** The OpenGraph locale of a tag: "es" → "es", "pt-BR" → "pt_BR". */
export function ogLocale(tag: string): string {
  return tag.replace("-", "_");
}
