/**
 * The last gate before publishing: reads every HTML page the build wrote and checks what no
 * template test can see across the whole site: every content item has its page, every internal
 * link and #fragment resolves, every page has one <h1>, a lang, a title and a description, and
 * pages are valid HTML by html-validate's recommended rules (every page, or a sample of each
 * template: see `CheckOptions.validate`).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Parser } from "htmlparser2";
import type { ConfigData, HtmlValidate, ResolvedConfig } from "html-validate";
import { bundleFolder } from "../../../src/assets/shared/pagefind-internals.ts";
import { searchSourceFolder } from "../model/outputs.ts";
import { listFiles } from "../util/list-files.ts";
import { printable } from "../util/error-message.ts";
import { BuildError, type Phase, type StagedBuild } from "../build/phase.ts";

export interface PageFacts {
  ids: Set<string>;
  links: string[];
  h1: number;
  lang: string;
  title: string;
  description: string;
  /** Elements on the page, and how deep they nest: what html-validate's time grows with. */
  elements: number;
  depth: number;
}

export interface OutputReport {
  pages: number;
  files: number;
  links: number;
  /** Pages checked with html-validate. */
  validated: number;
  /** Pages that were to be validated but are over `validationBudget`, each with why. */
  unvalidated: string[];
  problems: string[];
}

/**
 * html-validate's time grows faster than the page (docs/benchmarks.md has how fast). A page past
 * this budget is reported as not validated rather than waited for; the content rules
 * (scripts/lib/content/markdown.ts) keep articles within it.
 */
export const validationBudget = { elements: 6_000, depth: 100 };

export interface CheckOptions {
  /** The folder the site is served from ("/archive/"); links are resolved under it. Default "/". */
  basePath?: string;
  /** Which pages html-validate checks: "all", or these output files ("/news/index.html"). Default "all". */
  validate?: "all" | readonly string[];
  /** Page URL → the content file it was made from, so that a problem on an article names its file. */
  sources?: ReadonlyMap<string, string>;
}

/**
 * html-validate's recommended rules: HTML5 content models and attributes, and the WCAG techniques
 * it can check (alt text, labels, link text, unique landmarks and ids). Turned off:
 */
export const htmlValidateConfig: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // Style, not validity: `<!doctype html>` is as valid as `<!DOCTYPE html>`.
    "doctype-style": "off",
    // `role="list"` on lists styled without bullets is deliberate: Safari and VoiceOver drop the
    // list semantics of a list with `list-style: none` unless the role is given again.
    "no-redundant-role": "off",
    // The same deliberate role="list", on <ol> too, which html-validate 10 takes for a stand-in <ul>.
    "prefer-native-element": ["error", { exclude: ["list"] }],
    // A search-engine heuristic, not a rule of HTML: titles are headlines, and an abstract's title
    // names its speakers, session and conference.
    "long-title": "off",
    // Style, not validity: `hidden` and `hidden=""` mean the same, and Eleventy's HTML base
    // plugin (used with --base-path) rewrites pages through posthtml, which writes the latter.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
  },
};

const count = new Intl.NumberFormat("en");

let validator: HtmlValidate | undefined;

/**
 * html-validate, loaded on the first page validated (the check phase), not when the build starts,
 * which it would slow. Its configuration is resolved once: StaticConfigLoader resolves it again
 * for every document, which costs more than validating a page.
 */
function htmlValidator(): HtmlValidate {
  if (validator) return validator;
  const { HtmlValidate, StaticConfigLoader } = createRequire(import.meta.url)(
    "html-validate",
  ) as typeof import("html-validate");
  class ResolvedOnceLoader extends StaticConfigLoader {
    #resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

    override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
      this.#resolved ??= super.getConfigFor(handle, configOverride);
      return this.#resolved;
    }
  }
  validator = new HtmlValidate(new ResolvedOnceLoader(htmlValidateConfig));
  return validator;
}

/**
 * html-validate's errors for one page, one line each:
 * "line 12: <p> element is not permitted as content under <span> (element-permitted-content)".
 */
export function htmlErrors(html: string): string[] {
  // html-validate's lexer matches text with `[\s\S]*?(?=[\t ]*\n|…)`, which takes time growing
  // with the square of a run of spaces. One space validates the same and keeps every line where it was.
  const report = htmlValidator().validateStringSync(html.replace(/[\t ]{2,}/g, " "), "page.html");
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => `line ${message.line}: ${message.message} (${message.ruleId})`),
  );
}

/** What the checks need from one page, read in a single streaming pass. */
export function pageFacts(html: string): PageFacts {
  const facts: PageFacts = {
    ids: new Set(),
    links: [],
    h1: 0,
    lang: "",
    title: "",
    description: "",
    elements: 0,
    depth: 0,
  };
  let inTitle = false;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        facts.elements++;
        facts.depth = Math.max(facts.depth, ++depth);
        if (attributes.id) facts.ids.add(attributes.id);
        if (name === "a" && attributes.name) facts.ids.add(attributes.name);
        if (name === "html") facts.lang = attributes.lang ?? "";
        if (name === "h1") facts.h1++;
        if (name === "title") inTitle = true;
        if (name === "meta" && attributes.name === "description") facts.description = attributes.content ?? "";
        const target =
          name === "a" || name === "link"
            ? attributes.href
            : name === "script" || name === "img"
              ? attributes.src
              : undefined;
        if (target !== undefined && !(name === "link" && attributes.rel === "canonical")) facts.links.push(target);
      },
      ontext(text) {
        if (inTitle) facts.title += text;
      },
      onclosetag(name) {
        depth--;
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
 * Throws URIError for a link whose %-encoding is not UTF-8.
 * `fromPage` is the page's path in the output ("/news/"); with a base path ("/archive/") links are
 * served URLs under it, and a root-relative link outside it gets `file: null` (it cannot resolve).
 */
export function resolveLink(
  href: string,
  fromPage: string,
  basePath = "/",
): { file: string | null; fragment: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return undefined;
  const url = new URL(href, `https://site.invalid${basePath}${fromPage.slice(1)}`);
  const fragment = decodeURIComponent(url.hash.slice(1));
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(basePath)) return { file: null, fragment };
  let file = `/${pathname.slice(basePath.length)}`;
  if (file.endsWith("/")) file += "index.html";
  return { file, fragment };
}

/** What reading every page found: each page's facts, and html-validate's problems on the pages it checked. */
export interface PageScan {
  pages: Map<string, PageFacts>;
  validated: number;
  unvalidated: string[];
  problems: string[];
  /** Each distinct link and id once (see `keptFacts`). */
  strings: Map<string, string>;
}

/**
 * A page's facts as kept until every page is read. The parser's strings are slices of the page's
 * HTML and would keep the whole page in memory (V8 shares the characters): every page of the
 * archive at once. Links and ids repeat from page to page. So each distinct string is kept once, as
 * a copy of its own.
 */
function keptFacts(facts: PageFacts, scan: PageScan): PageFacts {
  const keep = (text: string): string => {
    let kept = scan.strings.get(text);
    if (kept === undefined) {
      kept = ownCopy(text);
      scan.strings.set(kept, kept);
    }
    return kept;
  };
  return {
    ids: new Set([...facts.ids].map(keep)),
    links: facts.links.map(keep),
    h1: facts.h1,
    lang: keep(facts.lang),
    title: ownCopy(facts.title),
    description: ownCopy(facts.description),
    elements: facts.elements,
    depth: facts.depth,
  };
}

/** A string that shares no characters with a larger one. */
function ownCopy(text: string): string {
  // V8 makes slices of 13 characters or more; shorter substrings are copies already.
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

/**
 * Reads and parses every HTML page, the costly part of the check, which needs nothing Pagefind
 * writes (the build runs it while Pagefind writes). `pagefind/` is not read: Pagefind writes no
 * pages. Nor is `.search-source/`, what Pagefind read, which the build removes before publishing.
 */
export function scanPages(outDir: string, options: CheckOptions = {}): PageScan {
  const scan: PageScan = { pages: new Map(), validated: 0, unvalidated: [], problems: [], strings: new Map() };
  const { validate = "all" } = options;
  const toValidate = new Set(validate === "all" ? [] : validate);
  for (const file of sitePaths(outDir, [bundleFolder, searchSourceFolder]).filter((name) => name.endsWith(".html"))) {
    const html = readFileSync(path.join(outDir, file), "utf8");
    const facts = pageFacts(html);
    scan.pages.set(file, keptFacts(facts, scan));
    if (validate === "all" || toValidate.has(file)) {
      const url = file.replace(/index\.html$/, "");
      if (facts.elements > validationBudget.elements || facts.depth > validationBudget.depth) {
        scan.unvalidated.push(
          `${named(options, url)}: not validated with html-validate: ` +
            `${count.format(facts.elements)} elements nested ${facts.depth} deep, over its budget of ` +
            `${count.format(validationBudget.elements)} elements nested ${validationBudget.depth} deep`,
        );
        continue;
      }
      scan.validated++;
      for (const error of htmlErrors(html)) scan.problems.push(`${named(options, url)}: ${error}`);
    }
  }
  return scan;
}

function named(options: CheckOptions, url: string): string {
  const source = options.sources?.get(url);
  return printable(source === undefined ? url : `${url} (${source})`);
}

/**
 * The checks across pages, on pages already read: every content item has its page, every page its
 * one <h1>, lang, title and description, and every internal link and #fragment resolves against
 * the files in `outDir` now (so Pagefind's bundle must be complete by then).
 */
export function checkPages(
  outDir: string,
  scan: PageScan,
  expectedPages: readonly string[],
  options: CheckOptions = {},
): OutputReport {
  const { basePath = "/" } = options;
  const problems = [...scan.problems];
  const files = sitePaths(outDir);
  const { pages } = scan;
  for (const url of expectedPages) {
    if (!pages.has(`${url}index.html`)) problems.push(`${url}: no page was written for this content item`);
  }
  let links = 0;
  const fileSet = new Set(files);
  // A root-relative link resolves the same from every page, and the same few thousand recur across
  // hundreds of thousands of links. Other links (relative ones, in snapshots) are resolved per page.
  const resolved = new Map<string, ReturnType<typeof resolveLink>>();
  for (const [file, facts] of pages) {
    const url = file.replace(/index\.html$/, "");
    const shown = named(options, url);
    if (facts.h1 !== 1) problems.push(`${shown}: has ${facts.h1} <h1> elements; a page has exactly one`);
    if (!facts.lang) problems.push(`${shown}: <html> has no lang`);
    if (!facts.title) problems.push(`${shown}: has no <title>`);
    if (!facts.description.trim()) problems.push(`${shown}: has no meta description`);
    for (const href of facts.links) {
      const key = href.startsWith("/") && !href.startsWith("//") ? href : `${url}\u0000${href}`;
      let target = resolved.get(key);
      if (target === undefined && !resolved.has(key)) {
        try {
          target = resolveLink(href, url, basePath);
        } catch (error) {
          if (!(error instanceof URIError)) throw error;
          problems.push(`${shown}: links to ${href}, whose %-encoding is malformed (not UTF-8)`);
          continue;
        }
        resolved.set(key, target);
      }
      if (!target) continue;
      links++;
      if (target.file === null) {
        problems.push(`${shown}: links to ${href}, which is outside the base path ${basePath}`);
        continue;
      }
      if (!fileSet.has(target.file)) {
        problems.push(`${shown}: links to ${href}, which does not exist`);
        continue;
      }
      if (target.fragment && !pages.get(target.file)?.ids.has(target.fragment)) {
        problems.push(`${shown}: links to ${href}, but that page has no id "${target.fragment}"`);
      }
    }
  }
  return {
    pages: pages.size,
    files: files.length,
    links,
    validated: scan.validated,
    unvalidated: scan.unvalidated,
    problems,
  };
}

/** Output files as site paths ("/news/index.html"), leaving out the top-level folders in `skip`. */
function sitePaths(outDir: string, skip: readonly string[] = []): string[] {
  return existsSync(outDir) ? listFiles(outDir, skip).map((file) => `/${file}`) : [];
}

/** The options the check runs with, from the build's. */
function checkOptions({ archive, options }: StagedBuild): CheckOptions {
  return {
    basePath: archive.basePath,
    validate: options.validateHtml === "all" ? "all" : archive.htmlSample(),
    sources: new Map(archive.items.map((item) => [item.url, item.file])),
  };
}

/** The check's reading of every page: it needs nothing Pagefind writes, so it can run while Pagefind does. */
export const readPhase: Phase<StagedBuild, PageScan> = {
  name: "read",
  run: (staged) => scanPages(staged.siteDir, checkOptions(staged)),
  describe: (scan) =>
    `${scan.pages.size} pages read for the check, ${scan.validated} validated` +
    (scan.unvalidated.length > 0 ? ` (${scan.unvalidated.length} too large)` : ""),
};

export const checkPhase: Phase<{ staged: StagedBuild; pages: PageScan }, OutputReport> = {
  name: "check",
  run({ staged, pages }) {
    const { archive, siteDir, options, log } = staged;
    // A snapshot has no offline page (scripts/lib/phases/render.ts).
    const expectedPages = options.snapshot
      ? archive.pageUrls().filter((url) => url !== "/offline/")
      : archive.pageUrls();
    const report = checkPages(siteDir, pages, expectedPages, checkOptions(staged));
    for (const page of report.unvalidated) log(`note: ${page}`);
    if (report.problems.length > 0) {
      throw new BuildError(
        "check",
        `${report.problems.length} problems in the output:\n${report.problems.map((p) => `  ${p}`).join("\n")}`,
      );
    }
    return report;
  },
  describe: (result) => `${result.pages} pages, ${result.links} internal links`,
};
