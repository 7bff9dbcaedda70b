/**
 * Markdown for article bodies. Raw HTML is off: `<script>` or `<iframe>` in content is shown as
 * text, never passed through (Eleventy's own markdown setup turns `html` on; we do not use it).
 * markdown-it's `validateLink` already refuses `javascript:`, `vbscript:`, `file:` and `data:`
 * links other than images.
 */
import MarkdownIt, { type Token } from "markdown-it";

/**
 * How deep block quotes and lists may nest. markdown-it stops parsing blocks at `maxNesting` token
 * levels and silently drops what is deeper
 * (https://github.com/markdown-it/markdown-it/blob/master/lib/parser_block.mjs), so content nested
 * past this limit is reported instead. Every container costs one or two levels (a list and its
 * item), so 20 containers stay well inside markdown-it's 100.
 */
export const maxBlockNesting = 20;

/**
 * How deep emphasis, links and strikethrough may nest inside one another. markdown-it nests
 * emphasis without limit (`*_` 50,000 times gives 100,000 nested elements), which no reader needs
 * and which html-validate, and browsers, take minutes over.
 */
export const maxInlineNesting = 20;

/**
 * Blocks (paragraphs, headings, list items, quotes, code blocks) per article. A 5 MB article of
 * real prose has about 5,000; past this, every later step (html-validate above all, whose time
 * grows faster than the page) slows the build for no reader's benefit.
 */
export const maxBlocks = 10_000;

const count = new Intl.NumberFormat("en");

export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: 100 });

/**
 * The page title is the only <h1>, so the body's headings start at <h2> whatever level they were
 * written at ("##" alone becomes <h2>), and none skips a level (axe's heading-order): a heading's
 * level is one more than the number of open headings above it (a "###" under a "#" is an <h3>).
 */
markdown.core.ruler.push("outline_headings", (state) => {
  const open: number[] = [];
  const levels: number[] = [];
  for (const token of state.tokens) {
    if (token.type === "heading_open") {
      const written = Number(token.tag.slice(1));
      while (open.length > 0 && (open.at(-1) as number) >= written) open.pop();
      open.push(written);
      levels.push(Math.min(open.length + 1, 6));
      token.tag = `h${levels.at(-1)}`;
    } else if (token.type === "heading_close") {
      token.tag = `h${levels.at(-1)}`;
    }
  }
});

export interface RenderedMarkdown {
  html: string;
  /** Plain text of the first paragraph, for a summary when none is given. */
  firstParagraph: string;
  /** Plain text of the whole body, for word counts and search. */
  wordCount: number;
  /** What the body must not contain: markup that would be lost, or invalid or inaccessible in HTML. */
  problems: MarkdownProblem[];
}

export interface MarkdownProblem {
  /** 0-based line of the Markdown where the block with the problem starts. */
  line: number;
  message: string;
}

/**
 * What a body's images and its links to the item's own files become (scripts/lib/content/load.ts).
 * Without it, images and links render as markdown-it renders them.
 */
export interface BodyFiles {
  /**
   * The HTML in place of an image (`line` is 0-based in the Markdown); `alone` when it is the only
   * thing in its paragraph, which it then replaces (a figure may not sit inside a paragraph).
   */
  image(image: { src: string; alt: string; title: string; line: number; alone: boolean }): string;
  /** The href to publish for a link to a file of the item's own (`isLocalReference`). */
  link(href: string, line: number): string;
}

/** A path relative to the page (guide.pdf, files/guide.pdf): no scheme, no leading slash, not a fragment or query. */
export function isLocalReference(href: string): boolean {
  return href !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[/#?]/.test(href);
}

export function renderMarkdown(source: string, files?: BodyFiles): RenderedMarkdown {
  const env = {};
  const tokens = markdown.parse(source, env);
  const problems = markdownProblems(tokens);
  if (files) placeBodyFiles(tokens, files);
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, firstParagraph: firstParagraphText(tokens), wordCount: countWords(tokens), problems };
}

/** Hands every image and every link to a local file to `files`; raw HTML tokens carry what it returns. */
function placeBodyFiles(tokens: Token[], files: BodyFiles): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.type !== "inline" || !token.children) continue;
    const line = token.map?.[0] ?? 0;
    const visible = token.children.filter(
      (child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak",
    );
    const only = visible.length === 1 ? visible[0] : undefined;
    if (
      only?.type === "image" &&
      tokens[index - 1]?.type === "paragraph_open" &&
      tokens[index + 1]?.type === "paragraph_close"
    ) {
      // The paragraph's open token becomes the raw HTML; its text and close go.
      const block = tokens[index - 1] as Token;
      Object.assign(block, {
        type: "html_block",
        tag: "",
        nesting: 0,
        content: `${files.image({ ...imageOf(only), line, alone: true })}\n`,
      });
      tokens.splice(index, 2);
      index--;
      continue;
    }
    for (const child of token.children) {
      if (child.type === "image") {
        const html = files.image({ ...imageOf(child), line, alone: false });
        Object.assign(child, { type: "html_inline", tag: "", content: html, children: null, attrs: null });
      } else if (child.type === "link_open") {
        const href = String(child.attrGet("href") ?? "");
        if (isLocalReference(href)) child.attrSet("href", files.link(href, line));
      }
    }
  }
}

function imageOf(token: Token): { src: string; alt: string; title: string } {
  return {
    src: String(token.attrGet("src") ?? ""),
    alt: inlineText(token.children ?? []),
    title: String(token.attrGet("title") ?? ""),
  };
}

const containers = new Set([
  "blockquote_open",
  "blockquote_close",
  "bullet_list_open",
  "bullet_list_close",
  "ordered_list_open",
  "ordered_list_close",
]);

/**
 * Nesting past `maxBlockNesting` (markdown-it would drop text), and what html-validate rejects on
 * the page and only the writer can fix: a heading or a link with no text, an image with no address.
 */
function markdownProblems(tokens: Token[]): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  let depth = 0;
  let blocks = 0;
  for (const [index, token] of tokens.entries()) {
    const line = token.map?.[0] ?? 0;
    if (token.nesting !== -1 && token.type !== "inline" && ++blocks === maxBlocks + 1) {
      const total = tokens.filter((block) => block.nesting !== -1 && block.type !== "inline").length;
      problems.push({
        line,
        message:
          `has ${count.format(total)} blocks (paragraphs, headings, list items, quotes); ` +
          `at most ${count.format(maxBlocks)} are allowed: split it into several articles`,
      });
    }
    if (containers.has(token.type)) {
      depth += token.nesting;
      if (depth > maxBlockNesting) {
        problems.push({
          line,
          message:
            `nests block quotes and lists more than ${maxBlockNesting} deep; ` +
            `at most ${maxBlockNesting} are allowed, as deeper text would be lost`,
        });
        break;
      }
    }
    if (token.type === "heading_open" && !hasText(tokens[index + 1]?.children ?? [])) {
      problems.push({ line, message: "has a heading with no text: write the heading or remove the '#' line" });
    }
    if (token.type === "inline") problems.push(...inlineProblems(token.children ?? [], line));
  }
  return problems;
}

/** Whether inline tokens show any text, an image's alt text included (as screen readers read it). */
function hasText(children: Token[]): boolean {
  return /\S/u.test(children.map((child) => child.content).join(""));
}

function inlineProblems(children: Token[], line: number): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  // Links do not nest in CommonMark: the text of the open link is what comes before its close.
  let link: { href: string; text: string } | undefined;
  let depth = 0;
  let tooDeep = false;
  for (const child of children) {
    depth += child.nesting;
    if (depth > maxInlineNesting && !tooDeep) {
      tooDeep = true;
      problems.push({
        line,
        message: `nests emphasis and links more than ${maxInlineNesting} deep; at most ${maxInlineNesting} are allowed`,
      });
    }
    if (child.type === "link_open") {
      link = { href: String(child.attrGet("href") ?? ""), text: "" };
      if (!hasValidPercentEncoding(link.href)) {
        problems.push({
          line,
          message:
            `has a link to ${link.href} whose %-encoding is not valid UTF-8: ` +
            "write the address as the browser's address bar shows it",
        });
      }
    } else if (child.type === "link_close" && link) {
      if (!/\S/u.test(link.text)) {
        problems.push({
          line,
          message:
            `has a link with no text to ${link.href}: ` +
            "write the text between [ and ], for readers and screen readers",
        });
      }
      link = undefined;
    } else if (link) link.text += child.content;
    if (child.type === "image" && !child.attrGet("src")) {
      problems.push({ line, message: "has an image with no address: write it between ( and ), or remove the image" });
    }
  }
  return problems;
}

/**
 * Whether every %XX of a link within the site decodes as UTF-8, as the host needs to find the
 * file. Links to other sites are theirs to decode (old sites use Latin-1).
 */
function hasValidPercentEncoding(href: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return true;
  try {
    decodeURIComponent(href);
    return true;
  } catch {
    return false;
  }
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
    .map((child) =>
      child.type === "softbreak" || child.type === "hardbreak" ? " " : child.type === "image" ? "" : child.content,
    )
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

/**
 * A summary is one paragraph of inline Markdown: `**bold**`, `*emphasis*`, `code`. It is shown in
 * lists, beside the item's title link, and as plain text in meta descriptions, feeds and search:
 * raw HTML stays off, and links and images leave their text (a link relative to the item's page
 * would lead nowhere from a list; a list has no room for a picture).
 */
const summaryMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderSummary(source: string): { html: string; text: string } {
  const children = (summaryMarkdown.parseInline(source, {})[0]?.children ?? [])
    .filter((token) => token.type !== "link_open" && token.type !== "link_close")
    .map((token) =>
      token.type === "image"
        ? Object.assign(token, { type: "text", content: inlineText(token.children ?? []), children: null })
        : token,
    );
  return {
    html: summaryMarkdown.renderer.renderInline(children, summaryMarkdown.options, {}),
    text: inlineText(children),
  };
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
