/**
 * A language's name in its own language, as language pickers show it: "es" → "Español" (the
 * browser's and Node's ICU data).
 */
export function languageAutonym(tag: string): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames([tag], { type: "language", fallback: "code" }).of(tag) ?? tag;
  } catch {
    // A tag this browser cannot name is shown as it is.
  }
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
