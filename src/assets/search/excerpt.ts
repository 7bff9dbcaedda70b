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

/**
 * The excerpt's parts without the title, or the end of the title, they begin with. Pagefind's text of
 * a page starts with its title (the h1: indexed as text, so that a title's words rank and are
 * marked), and an excerpt of a match in the title or near it, or of a page browsed without words,
 * begins there; the result shows the title above its excerpt already, which is then the article's own text.
 */
export function withoutLeadingTitle(parts: readonly ExcerptPart[], title: string): ExcerptPart[] {
  const plain = parts.map((part) => part.text).join("");
  const heading = title.replace(/\s+/g, " ").trim();
  // The title from its first word on, else from a later one, ended as Pagefind ends a heading's text:
  // with a full stop, unless it ends in punctuation of its own.
  const starts = [0, ...[...heading.matchAll(/ /g)].map((space) => space.index + 1)];
  const ended = (end: string) => {
    const after = plain.slice(end.length);
    return /^[.!?…:;]+(\s|$)/.test(after) || (/[.!?…:;]$/.test(end) && /^(\s|$)/.test(after));
  };
  const lead = starts
    .map((start) => heading.slice(start))
    .find((end) => end !== "" && plain.startsWith(end) && ended(end));
  if (lead === undefined) return [...parts];
  let skip = lead.length + (/^[.!?…:;]*\s*/.exec(plain.slice(lead.length))?.[0].length ?? 0);
  const rest: ExcerptPart[] = [];
  for (const part of parts) {
    if (skip >= part.text.length) skip -= part.text.length;
    else {
      rest.push({ ...part, text: part.text.slice(skip) });
      skip = 0;
    }
  }
  return rest;
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
