/**
 * Markdown for article bodies. Raw HTML is off: `<script>` or `<iframe>` in content is shown as
 * text, never passed through (Eleventy's own markdown setup turns `html` on; we do not use it).
 * markdown-it's `validateLink` already refuses `javascript:`, `vbscript:`, `file:` and `data:`
 * links other than images.
 */
import MarkdownIt, { type Token } from "markdown-it";

export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// The page title is the only <h1>: body headings start one level down ("#" renders as <h2>).
markdown.core.ruler.push("demote_headings", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      const level = Math.min(Number(token.tag.slice(1)) + 1, 6);
      token.tag = `h${level}`;
    }
  }
});

export interface RenderedMarkdown {
  html: string;
  /** Plain text of the first paragraph, for a summary when none is given. */
  firstParagraph: string;
  /** Plain text of the whole body, for word counts and search. */
  wordCount: number;
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {};
  const tokens = markdown.parse(source, env);
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, firstParagraph: firstParagraphText(tokens), wordCount: countWords(tokens) };
}

function firstParagraphText(tokens: Token[]): string {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type === "paragraph_open" && tokens[i + 1]?.type === "inline") {
      const text = inlineText(tokens[i + 1]?.children ?? []);
      if (text) return text;
    }
  }
  return "";
}

function inlineText(children: Token[]): string {
  return children
    .map((child) => (child.type === "softbreak" || child.type === "hardbreak" ? " " : child.type === "image" ? "" : child.content))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of running text: runs of non-space in each inline token's source (markup characters do not add words). */
function countWords(tokens: Token[]): number {
  let words = 0;
  for (const token of tokens) {
    if (token.type !== "inline") continue;
    let inWord = false;
    for (let i = 0; i < token.content.length; i++) {
      const code = token.content.charCodeAt(i);
      const space = code === 32 || code === 10 || code === 9 || code === 13;
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return words;
}

/** Shortens text to at most `max` characters at a word boundary, ending with "…" when cut. */
export function truncateAtWord(text: string, max = 200): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  // Cut by code points, not UTF-16 units, so an emoji is never split in half.
  const cut = characters.slice(0, Math.max(0, max - 1)).join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
