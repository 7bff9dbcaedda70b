/**
 * The last gate before publishing: reads every HTML page the build wrote and checks what no
 * template test can see across the whole site: every content item has its page, every internal
 * link and #fragment resolves, and every page has one <h1>, a lang, a title and a description.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";

export interface PageFacts {
  ids: Set<string>;
  links: string[];
  h1: number;
  lang: string;
  title: string;
  description: string;
}

export interface OutputReport {
  pages: number;
  files: number;
  links: number;
  problems: string[];
}

/** What the checks need from one page, read in a single streaming pass. */
export function pageFacts(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), links: [], h1: 0, lang: "", title: "", description: "" };
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) facts.ids.add(attributes.id);
        if (name === "a" && attributes.name) facts.ids.add(attributes.name);
        if (name === "html") facts.lang = attributes.lang ?? "";
        if (name === "h1") facts.h1++;
        if (name === "title") inTitle = true;
        if (name === "meta" && attributes.name === "description") facts.description = attributes.content ?? "";
        const target = name === "a" || name === "link" ? attributes.href : name === "script" || name === "img" ? attributes.src : undefined;
        if (target !== undefined && !(name === "link" && attributes.rel === "canonical")) facts.links.push(target);
      },
      ontext(text) {
        if (inTitle) facts.title += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  facts.title = facts.title.trim();
  return facts;
}

/**
 * Internal link → the output file it needs, and its fragment; undefined for external links.
 * `fromPage` is the page's path in the output ("/news/"); with a base path ("/archive/") links are
 * served URLs under it, and a root-relative link outside it gets `file: null` (it cannot resolve).
 */
export function resolveLink(href: string, fromPage: string, basePath = "/"): { file: string | null; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined;
  const url = new URL(href, `https://site.invalid${basePath}${fromPage.slice(1)}`);
  const fragment = decodeURIComponent(url.hash.slice(1));
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(basePath)) return { file: null, fragment };
  let file = `/${pathname.slice(basePath.length)}`;
  if (file.endsWith("/")) file += "index.html";
  return { file, fragment };
}

export function checkOutput(outDir: string, expectedPages: readonly string[], basePath = "/"): OutputReport {
  const problems: string[] = [];
  const files = listFiles(outDir);
  const pages = new Map<string, PageFacts>();
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    pages.set(file, pageFacts(readFileSync(path.join(outDir, file), "utf8")));
  }
  for (const url of expectedPages) {
    if (!pages.has(`${url}index.html`)) problems.push(`${url}: no page was written for this content item`);
  }
  let links = 0;
  const fileSet = new Set(files);
  for (const [file, facts] of pages) {
    const url = file.replace(/index\.html$/, "");
    if (facts.h1 !== 1) problems.push(`${url}: has ${facts.h1} <h1> elements; a page has exactly one`);
    if (!facts.lang) problems.push(`${url}: <html> has no lang`);
    if (!facts.title) problems.push(`${url}: has no <title>`);
    if (!facts.description.trim()) problems.push(`${url}: has no meta description`);
    for (const href of facts.links) {
      const target = resolveLink(href, url, basePath);
      if (!target) continue;
      links++;
      if (target.file === null) {
        problems.push(`${url}: links to ${href}, which is outside the base path ${basePath}`);
        continue;
      }
      if (!fileSet.has(target.file)) {
        problems.push(`${url}: links to ${href}, which does not exist`);
        continue;
      }
      if (target.fragment && !pages.get(target.file)?.ids.has(target.fragment)) {
        problems.push(`${url}: links to ${href}, but that page has no id "${target.fragment}"`);
      }
    }
  }
  return { pages: pages.size, files: files.length, links, problems };
}

/** Output files as site paths ("/news/index.html"). */
function listFiles(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}
