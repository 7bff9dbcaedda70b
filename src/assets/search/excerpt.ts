/**
 * Pagefind's excerpt, taken apart into text and matched words so that it is inserted as text
 * nodes and <mark> elements, never as HTML; and the link that opens a result with its matched
 * words highlighted.
 *
 * Pagefind builds an excerpt by escaping only `<` and `>` in the page text and wrapping matched
 * words in `<mark>…</mark>` (see `build_excerpt` in pagefind.js): `&` is left as it is. So the
 * excerpt is read back by splitting on those two tags and undoing exactly those two escapes.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece) {
      const text = piece.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

/** The distinct matched words of an excerpt, as written on the page ("Fiscalía" for "fiscalia"). */
export function markedWords(excerpt: string, limit = 5): string[] {
  const words = new Map<string, string>();
  for (const part of excerptParts(excerpt)) {
    // Pagefind marks whole words, with any punctuation attached ("AIAMP)."): strip that.
    const word = part.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (part.marked && word && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()].slice(0, limit);
}

/**
 * The result's URL with a text fragment (`#:~:text=Fiscal%C3%ADa&text=AIAMP`): the browser itself
 * highlights the words and scrolls to the first, so article pages need no JavaScript at all.
 * Browsers without text fragments ignore the part after `:~:`.
 */
export function highlightUrl(url: string, words: readonly string[]): string {
  if (words.length === 0) return url;
  const directives = words.map((word) => `text=${encodeTextDirective(word)}`).join("&");
  return `${url.split("#")[0]}#:~:${directives}`;
}

/** Percent-encodes a text directive's value; `-`, `,` and `&` have meanings there and are encoded too. */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}
