import { Parser } from "htmlparser2";

/** Plain text made safe to put in HTML: a title "<img onerror=…>" stays a title, not an image. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[char]};`);
}

/** Elements whose edges separate words: "<p>a</p><p>b</p>" reads "a b", not "ab". */
const blockElements = new Set([
  "address",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** The text of rendered Markdown, entities decoded, whitespace collapsed: what search and suggestions read. */
export function htmlText(html: string): string {
  let text = "";
  const parser = new Parser(
    {
      ontext(data) {
        text += data;
      },
      onopentag(name) {
        if (blockElements.has(name)) text += " ";
      },
      onclosetag(name) {
        if (blockElements.has(name)) text += " ";
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text.replace(/\s+/g, " ").trim();
}
