/**
 * An old page's main text as the archive's Markdown (turndown, with the GFM plugin for tables):
 * lists, links, emphasis, tables and headings kept, no raw HTML. Headings move one level up, as
 * the build moves them down again ("#" renders as `<h2>`, the title being the only `<h1>`). Layout
 * tables, which the GFM plugin would keep as HTML, are unwrapped into their cells' text first.
 *
 * Links and images are written as tokens (`linkToken`, `imageToken`) standing for their absolute
 * old address: what each becomes (a new page, a file of the bundle, the old address) is known only
 * once the whole crawl has been read, and `fillTokens` writes it then.
 */
import TurndownService from "turndown";
import { tables } from "@joplin/turndown-plugin-gfm";
import type { parseHTML } from "linkedom";

type Element = ReturnType<typeof parseHTML>["document"]["body"];

export interface BodyImage {
  /** Absolute old address. */
  src: string;
  /** Undefined when the image has no alt attribute. */
  alt?: string;
  title?: string;
}

export interface BodyLink {
  href: string;
  text: string;
}

export interface BodyMarkdown {
  markdown: string;
  /** Links by token number: the absolute old address and the link's text. */
  links: BodyLink[];
  images: BodyImage[];
}

/** What a link or image token becomes, decided by the import (links.ts, files.ts). */
export type LinkTarget = string;
export type ImageTarget = { file: string } | { link: string; text: string };

const linkMark = ["\uE000", "\uE001"] as const;
const imageMark = ["\uE002", "\uE003"] as const;
const tokens = /\uE000(\d+)\uE001|\uE002(\d+)\uE003/g;

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  codeBlockStyle: "fenced",
  emDelimiter: "*",
  strongDelimiter: "**",
  hr: "---",
});
turndown.use(tables);
turndown.remove([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "canvas",
  "video",
  "audio",
]);
turndown.addRule("heading", {
  filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
  replacement: (content, node) => {
    const heading = content.replace(/\s+/g, " ").trim();
    // A heading with no text is refused by the build; an old page's empty <h2> is spacing.
    if (!heading) return "\n\n";
    const level = Math.max(1, Number(node.nodeName.charAt(1)) - 1);
    return `\n\n${"#".repeat(level)} ${heading}\n\n`;
  },
});
turndown.addRule("link", {
  filter: (node) => node.nodeName === "A" && node.hasAttribute("data-import-link"),
  replacement: (content, node) => {
    const label = content.replace(/\s+/g, " ").trim();
    // A link with no text is refused by the build: there is nothing to click.
    return label
      ? `[${label}](${linkMark[0]}${(node as HTMLElement).getAttribute("data-import-link")}${linkMark[1]})`
      : "";
  },
});
turndown.addRule("image", {
  filter: (node) => node.nodeName === "IMG" && node.hasAttribute("data-import-image"),
  replacement: (_content, node) =>
    `${imageMark[0]}${(node as HTMLElement).getAttribute("data-import-image")}${imageMark[1]}`,
});

/** The Markdown of a main-text element, with tokens for its links and images. The element is changed. */
export function htmlToMarkdown(main: Element): BodyMarkdown {
  const links: BodyLink[] = [];
  const images: BodyImage[] = [];
  // A figure's caption is its image's, as `![alt](photo.jpg "caption")` writes it.
  for (const figure of main.querySelectorAll("figure")) {
    const figureImages = figure.querySelectorAll("img[src]");
    const caption = figure.querySelector("figcaption");
    const words = (caption?.textContent ?? "").replace(/\s+/g, " ").trim();
    if (figureImages.length !== 1 || !caption || !words) continue;
    figureImages[0]?.setAttribute("title", words);
    caption.remove();
  }
  for (const link of main.querySelectorAll("a[href]")) {
    const text = (link.textContent ?? "").replace(/\s+/g, " ").trim();
    link.setAttribute("data-import-link", String(links.push({ href: link.getAttribute("href") as string, text }) - 1));
  }
  for (const image of main.querySelectorAll("img[src]")) {
    const alt = image.getAttribute("alt");
    const title = image.getAttribute("title")?.trim();
    const index =
      images.push({
        src: image.getAttribute("src") as string,
        ...(alt !== null ? { alt: alt.replace(/\s+/g, " ").trim() } : {}),
        ...(title ? { title } : {}),
      }) - 1;
    image.setAttribute("data-import-image", String(index));
  }
  prepareTables(main);
  const markdown = turndown
    .turndown(main.innerHTML)
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown: markdown ? `${markdown}\n` : "", links, images };
}

/**
 * The lead image taken out of the text: the first image that is a paragraph of its own (a photo
 * rather than an icon in a sentence) and that `usable` accepts (the crawl holds it). The Markdown is
 * given back without it.
 */
export function takeLeadImage(
  markdown: string,
  usable: (index: number) => boolean,
): { markdown: string; lead?: number } {
  // htmlToMarkdown leaves no run of more than one blank line, so paragraphs split and join losslessly.
  const paragraphs = markdown.split("\n\n");
  const at = paragraphs.findIndex((paragraph) => {
    const token = /^\uE002(\d+)\uE003$/.exec(paragraph.trim());
    return token !== null && usable(Number(token[1]));
  });
  if (at === -1) return { markdown };
  const lead = Number(/\d+/.exec(paragraphs[at] as string)?.[0]);
  paragraphs.splice(at, 1);
  const rest = paragraphs.join("\n\n").replace(/\n+$/, "");
  return { markdown: rest ? `${rest}\n` : "", lead };
}

/** The Markdown with every token written as what it became. */
export function fillTokens(
  markdown: string,
  link: (index: number) => LinkTarget,
  image: (index: number) => ImageTarget,
  imageOf: (index: number) => BodyImage,
): string {
  return markdown.replace(tokens, (_token, linkIndex: string | undefined, imageIndex: string | undefined) => {
    if (linkIndex !== undefined) return destination(link(Number(linkIndex)));
    const index = Number(imageIndex);
    const target = image(index);
    const { alt = "", title } = imageOf(index);
    if ("file" in target) {
      const quotedTitle = title ? ` "${title.replace(/["\\]/g, "\\$&")}"` : "";
      return `![${escapeLabel(alt)}](${destination(target.file)}${quotedTitle})`;
    }
    return `[${escapeLabel(target.text)}](${destination(target.link)})`;
  });
}

/** A link destination CommonMark reads whole: spaces, parentheses and angle brackets %-encoded. */
function destination(address: string): string {
  return address.replace(
    /[\s()<>]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function escapeLabel(label: string): string {
  return label.replace(/[\\[\]*_`]/g, "\\$&");
}

/**
 * Tables holding blocks (paragraph lists, headings, other tables) or a single column are page
 * layout: their cells become plain blocks. Data tables keep their rows; without a header row their
 * first row becomes the header, as a Markdown table needs one.
 */
function prepareTables(main: Element): void {
  // Innermost first: a layout table's inner data table is settled before the outer one is unwrapped.
  for (const table of [...main.querySelectorAll("table")].reverse() as Element[]) {
    const rows = [...table.querySelectorAll("tr")].filter((row) => row.closest("table") === table) as Element[];
    const cells = rows.map(
      (row) => [...row.children].filter((cell) => cell.tagName === "TD" || cell.tagName === "TH") as Element[],
    );
    const columns = Math.max(0, ...cells.map((row) => row.length));
    const layout =
      rows.length < 2 ||
      columns < 2 ||
      table.querySelector("table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, hr, div, img") !== null;
    const document = table.ownerDocument;
    if (layout) {
      const blocks = document.createElement("div");
      for (const cell of cells.flat()) {
        const block = document.createElement("div");
        block.append(...cell.childNodes);
        blocks.append(block);
      }
      table.replaceWith(blocks);
      continue;
    }
    // Paragraphs inside a cell are its lines; a Markdown cell is one line.
    for (const paragraph of table.querySelectorAll("p"))
      paragraph.replaceWith(...paragraph.childNodes, document.createTextNode(" "));
    const first = cells[0] ?? [];
    if (!table.querySelector("thead") && !first.every((cell) => cell.tagName === "TH")) {
      for (const cell of first) {
        const header = document.createElement("th");
        header.append(...cell.childNodes);
        cell.replaceWith(header);
      }
    }
  }
}
