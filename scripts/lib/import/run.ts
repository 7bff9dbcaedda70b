/**
 * `npm run import`: a crawl of the old website brought in as items, in two passes over the source
 * so that memory stays bounded whatever the crawl's size. The first reads every page (classify.ts,
 * extract.ts) and keeps only what items need; the second reads only the images and documents those
 * items use (files.ts) and stages them. Then every item is written (write.ts), checked by the build's
 * own content check, and moved into the content folder; the report (report.ts) says what became of
 * every page.
 */
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readCaptures, type Capture, type ReadOptions, type ReadProgress } from "./capture.ts";
import { decodePage } from "./charset.ts";
import {
  addressPath,
  classifyPage,
  classifyResponse,
  isHtml,
  kindByRules,
  teaserListing,
  type AbstractRule,
  type Kind,
  type Skip,
  type SkipReason,
} from "./classify.ts";
import { readPage, type PageReading } from "./extract.ts";
import { bundleFileName, documentTitle, extensionOf, isDocumentAddress, sniffedExtension } from "./files.ts";
import { fillTokens, takeLeadImage, type ImageTarget } from "./markdown.ts";
import {
  aliasesOf,
  defaultIgnoredQuery,
  pageInQuery,
  pageKey,
  preferredCapture,
  Redirects,
  siteHost,
} from "./merge.ts";
import { matchesAny, type ImportRules } from "./rules.ts";
import {
  checkStaged,
  fateOf,
  hashOf,
  itemText,
  makeStaging,
  manifestName,
  moveIntoContent,
  readManifest,
  removeStaging,
  reportName,
  writeInside,
  type FileFate,
  type Manifest,
} from "./write.ts";
import { documentTypes, imageTypes } from "../content/item-files.ts";
import { isKnownLanguage } from "../content/languages.ts";
import { newsSchema, type Conference, type Site, type Topic } from "../content/schema.ts";
import { slugifyText } from "../content/slugs.ts";
import { yearOf } from "../content/dates.ts";
import { writeReport, type ImportReport, type PageRow } from "./report.ts";

export interface ImportOptions {
  source: string;
  contentDir: string;
  rules: ImportRules;
  dryRun?: boolean;
  overwrite?: boolean;
  site: Site;
  topics: readonly Topic[];
  conferences: readonly Conference[];
  /** The build's "now", for the content check's scheduled items. */
  now?: Date;
  onProgress?: (pass: 1 | 2, progress: ReadProgress) => void;
  /** The crawl's captures; by default read from `source` (capture.ts). */
  read?: (source: string, options: ReadOptions) => AsyncIterable<Capture>;
}

/** A page of the crawl kept after the first pass: an item to be, with every address it was served at. */
interface PageEntry {
  key: string;
  url: string;
  capturedAt: string;
  contentLanguage?: string;
  /** Every address with this page's key. */
  urls: Set<string>;
  decision: Kind | Skip;
  reading?: PageReading;
  charsetProblem?: string;
}

/** An item as planned between the passes: where it goes and what its tokens become. */
interface PlannedItem {
  entry: PageEntry & { reading: PageReading };
  kind: Kind;
  /** Its folder in the content folder: news/2023/slug or abstracts/annual-27/slug. */
  folder: string;
  url: string;
  title: string;
  lang?: string;
  tags: string[];
  aliases: string[];
  /** The files its body uses, by the absolute address of each. */
  files: Map<string, { name: string; kind: "image" | "document"; linkText: string; found?: boolean; fate?: FileFate }>;
  notes: string[];
  draftReasons: string[];
  oldLinks: string[];
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { rules, contentDir } = options;
  const ignoredQuery = [...defaultIgnoredQuery, ...(rules.ignoreQuery ?? [])];
  const keyOf = (url: string) => pageKey(url, ignoredQuery);
  const problems: string[] = [];

  // Pass 1: pages and redirects.
  const pages = new Map<string, PageEntry>();
  const redirects = new Redirects();
  const redirectUrls = new Map<string, { url: string; status: number; location: string }>();
  const skippedEarly: { url: string; skip: Skip }[] = [];
  const hosts = new Map<string, number>();
  let bytesRead = 0;
  let records = 0;
  const read = options.read ?? readCaptures;
  for await (const capture of read(options.source, {
    wanted: (url, status, headers) => (status >= 300 && status < 400) || isHtml(headers, url),
    ...(options.onProgress ? { onProgress: (progress) => options.onProgress?.(1, progress) } : {}),
  })) {
    records++;
    bytesRead += capture.body.byteLength;
    const html = isHtml(capture.headers, capture.url);
    const redirect = capture.status >= 300 && capture.status < 400;
    if (!html && !redirect) continue;
    const early = classifyResponse(capture.url, capture.status, capture.headers, rules);
    const key = keyOf(capture.url);
    if (early?.skip === "redirect") {
      const location = capture.headers.location;
      const target = location ? resolveUrl(location, capture.url) : undefined;
      if (target) redirects.add(key, keyOf(target));
      redirectUrls.set(capture.url, { url: capture.url, status: capture.status, location: target ?? "" });
      continue;
    }
    if (early) {
      skippedEarly.push({ url: capture.url, skip: early });
      continue;
    }
    const host = siteHost(new URL(capture.url).host);
    hosts.set(host, (hosts.get(host) ?? 0) + 1);
    const known = pages.get(key);
    if (known) {
      known.urls.add(capture.url);
      if (preferredCapture(known, capture, keyOf) === known) continue;
    }
    const entry = readEntry(capture, key, rules);
    if (known) for (const url of known.urls) entry.urls.add(url);
    if (entry.charsetProblem) problems.push(`${capture.origin}: ${entry.charsetProblem}`);
    pages.set(key, entry);
  }
  // Teasers of other pages make a listing: known only once the whole crawl is read.
  for (const entry of pages.values()) {
    if (!("kind" in entry.decision) || !entry.reading || kindByRules(entry.url, rules)) continue;
    const isOtherPage = (url: string) => {
      const key = safeKey(url, (address) => redirects.resolve(keyOf(address)));
      return key !== entry.key && pages.has(key);
    };
    const listing = teaserListing(entry.reading, isOtherPage);
    if (listing) entry.decision = listing;
  }
  // The same article at two addresses (a CMS's own address and its search-engine-friendly one) is one
  // page: the copy is treated as a redirect to the address a static host can keep.
  const copies = new Map<string, PageEntry>();
  const copied: PageEntry[] = [];
  for (const entry of [...pages.values()].sort(
    (a, b) =>
      Number(pageInQuery(a.url, ignoredQuery)) - Number(pageInQuery(b.url, ignoredQuery)) || (a.key < b.key ? -1 : 1),
  )) {
    if (!("kind" in entry.decision) || !entry.reading) continue;
    const signature = `${entry.reading.title}\n${entry.reading.date}\n${entry.reading.markdown}`;
    const original = copies.get(signature);
    if (!original) {
      copies.set(signature, entry);
      continue;
    }
    entry.decision = { skip: "copy", detail: `the same article as ${original.url}` };
    redirects.add(entry.key, original.key);
    copied.push(entry);
  }
  const oldHost = [...hosts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];

  // Between the passes: which pages are items, where each goes, what its links and files become.
  const manifest = existsSync(contentDir) ? readManifest(contentDir) : { items: {}, files: {} };
  const siteName = rules.siteName;
  const commonTitleParts = titleParts([...pages.values()].map((entry) => entry.reading?.titleTag ?? ""));
  const items = new Map<string, PlannedItem>();
  const takenFolders = new Set(Object.entries(manifest.items).map(([, folder]) => folder.toLowerCase()));
  const itemEntries = [...pages.values()].filter(
    (entry): entry is PageEntry & { reading: PageReading; decision: Kind } =>
      "kind" in entry.decision && entry.reading !== undefined,
  );
  const redirectSources = redirects.sourcesOf(new Set(itemEntries.map((entry) => entry.key)));
  const urlsOfKey = new Map<string, string[]>();
  for (const { url } of redirectUrls.values()) {
    const key = keyOf(url);
    urlsOfKey.set(key, [...(urlsOfKey.get(key) ?? []), url]);
  }
  for (const entry of copied) urlsOfKey.set(entry.key, [...(urlsOfKey.get(entry.key) ?? []), ...entry.urls]);
  // Sorted by key, so that slug clashes are resolved the same way on every run.
  for (const entry of itemEntries.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const planned = planItem(entry, entry.decision, {
      options,
      siteName,
      commonTitleParts,
      manifest,
      takenFolders,
      ignoredQuery,
      redirectUrls: (redirectSources.get(entry.key) ?? []).flatMap((key) => urlsOfKey.get(key) ?? []),
    });
    items.set(entry.key, planned);
  }
  const itemOfUrl = (url: string) => {
    try {
      return items.get(redirects.resolve(keyOf(url)));
    } catch {
      return undefined;
    }
  };

  // Links: to imported pages → their new address; to the old site's files → the bundle; others stay.
  const neededFiles = new Map<string, PlannedItem[]>();
  const fileKey = (url: string) => {
    const parsed = new URL(url);
    return `${siteHost(parsed.host)}${parsed.pathname}${parsed.search}`;
  };
  for (const item of items.values()) {
    const taken = new Set<string>();
    const need = (url: string, kind: "image" | "document", linkText: string) => {
      if (item.files.has(url)) return;
      item.files.set(url, { name: bundleFileName(url, taken), kind, linkText });
      taken.add(item.files.get(url)?.name as string);
      const users = neededFiles.get(fileKey(url)) ?? [];
      if (!users.includes(item)) users.push(item);
      neededFiles.set(fileKey(url), users);
    };
    for (const image of item.entry.reading.images) need(withoutFragment(image.src), "image", image.alt ?? "");
    for (const link of item.entry.reading.links) {
      const url = withoutFragment(link.href);
      if (!/^https?:/i.test(url)) continue;
      if (
        oldHost &&
        siteHost(new URL(url).host) === oldHost &&
        (isDocumentAddress(url) || imageTypes[extensionOf(url)])
      )
        need(url, isDocumentAddress(url) ? "document" : "image", link.text);
    }
  }

  // Pass 2: only the files the items use, written straight to the staging folder.
  const staging = makeStaging(contentDir, options.dryRun ? tmpdir() : undefined);
  try {
    if (neededFiles.size > 0) {
      for await (const capture of read(options.source, {
        wanted: (url, status) => status === 200 && neededFiles.has(safeKey(url, fileKey)),
        ...(options.onProgress ? { onProgress: (progress) => options.onProgress?.(2, progress) } : {}),
      })) {
        if (capture.status !== 200) continue;
        const users = neededFiles.get(safeKey(capture.url, fileKey));
        if (!users) continue;
        stageFile(capture, users, (url) => safeKey(url, fileKey), {
          staging,
          contentDir,
          manifest,
          overwrite: options.overwrite ?? false,
          problems,
        });
      }
    }
    return finish({
      options,
      items,
      itemOfUrl,
      oldHost,
      pages,
      skippedEarly,
      redirectUrls,
      staging,
      manifest,
      problems,
      records,
      bytesRead,
    });
  } finally {
    removeStaging(staging);
  }

  function readEntry(capture: Capture, key: string, importRules: ImportRules): PageEntry {
    const base = {
      key,
      url: capture.url,
      capturedAt: capture.capturedAt,
      urls: new Set([capture.url]),
      ...(capture.headers["content-language"] ? { contentLanguage: capture.headers["content-language"] } : {}),
    };
    const byRules = kindByRules(capture.url, importRules);
    if (byRules && "skip" in byRules) return { ...base, decision: byRules };
    const decoded = decodePage(capture.body, capture.headers["content-type"]);
    const abstract = byRules?.kind === "abstract" ? byRules.rule : undefined;
    const reading = readPage(decoded.text, capture.url, { rules: importRules, ...(abstract ? { abstract } : {}) });
    const decision = classifyPage(capture.url, reading, byRules);
    return {
      ...base,
      decision,
      ...("kind" in decision ? { reading } : { reading: { ...reading, markdown: "", links: [], images: [] } }),
      ...(decoded.problem ? { charsetProblem: decoded.problem } : {}),
    };
  }
}

/** An address's key, or "" for one that is not a URL. */
function safeKey(url: string, key: (url: string) => string): string {
  try {
    return key(url);
  } catch {
    return "";
  }
}

function withoutFragment(url: string): string {
  return url.split("#")[0] as string;
}

function resolveUrl(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Parts of `<title>` (split at " | ", " - ", " > ", " :: ") found in at least half of the pages:
 * the site's name and sections.
 */
function titleParts(titles: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  const nonEmpty = titles.filter(Boolean);
  for (const title of nonEmpty)
    for (const part of new Set(splitTitle(title))) counts.set(part, (counts.get(part) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= 2 && count >= nonEmpty.length / 2).map(([part]) => part));
}

const titleSeparator = /\s+(?:[|>»:·•]|::|-|–|—)\s+/;

function splitTitle(title: string): string[] {
  return title
    .split(titleSeparator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A title without the site's name: parts of it that every page's <title> shares are dropped. */
export function withoutSiteName(title: string, siteName: string | undefined, common: ReadonlySet<string>): string {
  const parts = splitTitle(title);
  if (parts.length < 2) return title;
  const kept = parts.filter((part) => part !== siteName && !common.has(part));
  if (kept.length === 0 || kept.length === parts.length) return title;
  // The text from the first kept part to the last, its own separators included.
  return title.slice(
    title.indexOf(kept[0] as string),
    title.lastIndexOf(kept[kept.length - 1] as string) + (kept[kept.length - 1] as string).length,
  );
}

interface PlanContext {
  options: ImportOptions;
  siteName: string | undefined;
  commonTitleParts: ReadonlySet<string>;
  manifest: Manifest;
  takenFolders: Set<string>;
  ignoredQuery: readonly string[];
  redirectUrls: string[];
}

function planItem(entry: PageEntry & { reading: PageReading }, kind: Kind, context: PlanContext): PlannedItem {
  const { reading } = entry;
  const { options } = context;
  const notes: string[] = [];
  const rawTitle = reading.title as string;
  const title =
    reading.titleFrom === "title" || reading.titleFrom === "og:title"
      ? withoutSiteName(rawTitle, context.siteName, context.commonTitleParts)
      : rawTitle;
  if (reading.titleFrom === "title") notes.push("title taken from <title>");
  if (reading.bodySelectorMissed)
    notes.push("the rules' body selector matched nothing: the text was found by the extractor");

  const address = addressPath(entry.url);
  const byRules = options.rules.languages?.find((rule) => matchesAny(address, rule.urls))?.lang;
  const declared = byRules ?? reading.htmlLang ?? entry.contentLanguage?.split(",")[0]?.trim();
  let lang: string | undefined;
  if (declared) {
    const primary = declared.toLowerCase().split(/[-_]/)[0] as string;
    const siteLanguage = options.site.language.toLowerCase().split("-")[0];
    if (primary !== siteLanguage) {
      if (isKnownLanguage(primary)) lang = primary;
      else notes.push(`language "${declared}" is not one a browser knows: left out`);
    }
  }
  const tags = [
    ...new Set(
      (options.rules.categories ?? [])
        .filter((category) => matchesAny(address, category.urls))
        .flatMap((category) => category.tags),
    ),
  ];

  const parent = kind.kind === "news" ? `news/${yearOf(reading.date as string)}` : `abstracts/${kind.rule.conference}`;
  const recorded = context.manifest.items[entry.key];
  let folder: string;
  if (recorded && recorded.startsWith(`${parent}/`)) folder = recorded;
  else {
    const { slug: base, fromTitle } = slugOf(entry.url, title, context.ignoredQuery);
    if (fromTitle) notes.push(`the slug ${base} is taken from the title: ${fromTitle}`);
    folder = `${parent}/${base}`;
    for (let count = 2; isTaken(folder, context, options.contentDir); count++) folder = `${parent}/${base}-${count}`;
    if (folder !== `${parent}/${base}`) notes.push(`the slug ${base} was taken: written as ${path.basename(folder)}`);
  }
  context.takenFolders.add(folder.toLowerCase());
  const slug = path.basename(folder);
  const url =
    kind.kind === "news"
      ? `/news/${yearOf(reading.date as string)}/${slug}/`
      : `/abstracts/${kind.rule.conference}/${slug}/`;
  const aliases = aliasesFor(url, [...entry.urls, ...context.redirectUrls], notes, context.ignoredQuery);
  return {
    entry,
    kind,
    folder,
    url,
    title,
    ...(lang ? { lang } : {}),
    tags,
    aliases,
    files: new Map(),
    notes,
    draftReasons: [],
    oldLinks: [],
  };
}

/**
 * Every old path of a page that needs a redirect to its new address `url`. The new address itself,
 * with or without its slash, needs none (hosts add the slash), and is noted only when it leaves the
 * item no alias at all. A path the build could not keep as a redirect (one differing from the new
 * address only in case, one with a space) is left out and noted.
 */
export function aliasesFor(
  url: string,
  urls: Iterable<string>,
  notes: string[],
  ignoredQuery: readonly string[] = defaultIgnoredQuery,
): string[] {
  const aliases: string[] = [];
  const newAddress: string[] = [];
  const all = [...urls];
  for (const address of all.filter((address) => pageInQuery(address, ignoredQuery)).sort()) {
    const { pathname, search } = new URL(address);
    notes.push(
      `old address ${pathname}${search} names its page in the query string, which static hosts ignore: ` +
        "no redirect can be written (a rewrite rule on a server can keep it)",
    );
  }
  for (const alias of aliasesOf(all.filter((address) => !pageInQuery(address, ignoredQuery)))) {
    if (alias === url || `${alias}/` === url) newAddress.push(alias);
    else if (alias.toLowerCase() === url.toLowerCase() || `${alias}/`.toLowerCase() === url.toLowerCase()) {
      notes.push(
        `old address ${alias} differs from its new address ${url} only in case: ` +
          "no redirect can be written there (hosts that ignore case serve the page)",
      );
    } else {
      const checked = newsSchema.shape.aliases.safeParse([alias]);
      if (checked.success) aliases.push(alias);
      else
        notes.push(
          `old address ${alias} cannot be kept as a redirect: it ${checked.error.issues[0]?.message ?? "is refused"}`,
        );
    }
  }
  if (aliases.length === 0 && newAddress.length > 0)
    notes.push(`old address ${newAddress.join(", ")} is its new address: no redirect needed`);
  return aliases;
}

/** A folder is taken by another page of this import, of an earlier one (the manifest), or by content staff wrote. */
function isTaken(folder: string, context: PlanContext, contentDir: string): boolean {
  if (context.takenFolders.has(folder.toLowerCase())) return true;
  return existsSync(path.join(contentDir, folder)) || existsSync(path.join(contentDir, `${folder}.md`));
}

/**
 * The slug from the old address's last segment ("The-IAP-signed-MOU-with-AIAMP.aspx" →
 * "the-iap-signed-mou-with-aiamp"); from the title where that segment has no words (`/`, or only a
 * number: `node/123`), with the reason for the report.
 */
export function slugOf(
  url: string,
  title: string,
  ignoredQuery: readonly string[] = defaultIgnoredQuery,
): { slug: string; fromTitle?: string } {
  if (pageInQuery(url, ignoredQuery)) {
    const titleSlug = slugifyText(title);
    if (titleSlug) return { slug: titleSlug, fromTitle: "the old address names its page in the query string" };
  }
  const segments = new URL(url).pathname.split("/").filter(Boolean);
  let last = segments[segments.length - 1] ?? "";
  try {
    last = decodeURIComponent(last);
  } catch {
    // Kept as written.
  }
  const slug = slugifyText(last.replace(/\.(aspx?|html?|php|jsp|cfm)$/i, ""));
  if (slug && !/^\d+$/.test(slug)) return { slug };
  const titleSlug = slugifyText(title);
  if (!titleSlug) return { slug: slug || "item" };
  return {
    slug: titleSlug,
    fromTitle: slug ? `the old address ends in the number ${slug}` : "the old address has no last segment",
  };
}

/** A file of the crawl staged in the bundle of every item that uses it, if it is what its name says. */
function stageFile(
  capture: Capture,
  users: readonly PlannedItem[],
  fileKey: (url: string) => string,
  {
    staging,
    contentDir,
    manifest,
    overwrite,
    problems,
  }: { staging: string; contentDir: string; manifest: Manifest; overwrite: boolean; problems: string[] },
): void {
  const sniffed = sniffedExtension(capture.body);
  const key = fileKey(capture.url);
  for (const item of users) {
    for (const [url, file] of item.files) {
      if (file.found !== undefined || fileKey(url) !== key) continue;
      const extension = path.extname(file.name).toLowerCase();
      const expected = file.kind === "image" ? imageTypes[extension] : documentTypes[extension];
      // A name without a type takes the type its bytes show; a file whose bytes contradict its name is not published.
      if (!expected && sniffed && (file.kind === "image" ? imageTypes[sniffed] : documentTypes[sniffed]))
        file.name = `${file.name}${sniffed}`;
      const finalExtension = path.extname(file.name).toLowerCase();
      const mismatch =
        (file.kind === "image" && (!sniffed || normalisedExtension(sniffed) !== normalisedExtension(finalExtension))) ||
        (file.kind === "document" && finalExtension === ".pdf" && sniffed !== ".pdf") ||
        (file.kind === "document" && !documentTypes[finalExtension]);
      if (mismatch) {
        file.found = false;
        problems.push(
          `${capture.origin}: ${url} is not the ${finalExtension.slice(1).toUpperCase() || "file"} its name says ` +
            `(${capture.headers["content-type"] ?? "no Content-Type"}): not published, the link keeps the old address`,
        );
        continue;
      }
      const relative = `${item.folder}/${file.name}`;
      const fate = fateOf(contentDir, relative, hashOf(capture.body), manifest, overwrite);
      file.found = true;
      file.fate = fate;
      if (fate === "new" || fate === "updated") writeInside(staging, relative, capture.body);
    }
  }
}

function normalisedExtension(extension: string): string {
  return extension === ".jpeg" ? ".jpg" : extension === ".tiff" ? ".tif" : extension;
}

interface FinishContext {
  options: ImportOptions;
  items: Map<string, PlannedItem>;
  itemOfUrl(url: string): PlannedItem | undefined;
  oldHost: string | undefined;
  pages: Map<string, PageEntry>;
  skippedEarly: { url: string; skip: Skip }[];
  redirectUrls: Map<string, { url: string; status: number; location: string }>;
  staging: string;
  manifest: Manifest;
  problems: string[];
  records: number;
  bytesRead: number;
}

function finish(context: FinishContext): ImportReport {
  const { options, items, staging, manifest, problems } = context;
  const { contentDir } = options;
  const staged: { item: PlannedItem; relative: string; fate: FileFate; hash: string }[] = [];
  const itemFates = new Map<PlannedItem, FileFate>();

  for (const item of items.values()) {
    const { reading } = item.entry;
    const linkTarget = (index: number): string => {
      const link = reading.links[index];
      const href = link?.href ?? "";
      const bare = withoutFragment(href);
      const file = item.files.get(bare);
      if (file?.found) return file.name;
      if (file) return href;
      const target = /^https?:/i.test(bare) ? context.itemOfUrl(bare) : undefined;
      if (target) return target.url;
      if (
        context.oldHost &&
        /^https?:/i.test(bare) &&
        siteHost(new URL(bare).host) === context.oldHost &&
        !item.oldLinks.includes(href)
      )
        item.oldLinks.push(href);
      return href;
    };
    const imageTarget = (index: number): ImageTarget => {
      const image = reading.images[index];
      const src = withoutFragment(image?.src ?? "");
      const file = item.files.get(src);
      if (file?.found) {
        if (image?.alt === undefined || image.alt === "")
          item.draftReasons.push(`the image ${file.name} has no alt text: describe it in ![…](${file.name})`);
        return { file: file.name };
      }
      return { link: src, text: image?.alt || `Image: ${path.basename(new URL(src).pathname)}` };
    };
    // The first photo standing on its own is the lead image: shown above the text, in lists, feeds and link previews.
    const imageFile = (index: number) => item.files.get(withoutFragment(reading.images[index]?.src ?? ""));
    const { markdown, lead } = takeLeadImage(reading.markdown, (index) => imageFile(index)?.found === true);
    let image: { src: string; alt: string; caption?: string } | undefined;
    if (lead !== undefined) {
      const { alt = "", title } = reading.images[lead] ?? { src: "" };
      const name = imageFile(lead)?.name as string;
      if (!alt) item.draftReasons.push(`the lead image ${name} has no alt text: describe it in image.alt`);
      image = { src: name, alt, ...(title ? { caption: title } : {}) };
    }
    const body = fillTokens(markdown, linkTarget, imageTarget, (index) => reading.images[index] ?? { src: "" });
    const documents = [...item.files]
      .filter(([, file]) => file.kind === "document" && file.found)
      .map(([url, file]) => {
        const title = documentTitle(file.linkText, url);
        if (title.fromName)
          item.notes.push(
            `the document ${file.name} is titled from its file name ("${title.title}"): ` +
              `its link said "${file.linkText}"`,
          );
        return { src: file.name, title: title.title };
      });
    for (const [url, file] of item.files)
      if (!file.found) item.notes.push(`${file.kind} ${url} is not in the crawl: linked to its old address`);
    const draftReason = item.draftReasons.join("; ");
    // The fields both kinds share, after each kind's own, in the order staff read them.
    const shared = {
      ...(item.lang ? { lang: item.lang } : {}),
      ...(item.tags.length > 0 ? { tags: item.tags } : {}),
      ...(draftReason ? { draft: true } : {}),
      ...(item.aliases.length > 0 ? { aliases: item.aliases } : {}),
      ...(image ? { image } : {}),
      ...(documents.length > 0 ? { documents } : {}),
    };
    const fields =
      item.kind.kind === "news"
        ? { title: item.title, date: reading.date, ...shared }
        : {
            conference: item.kind.rule.conference,
            session: reading.session,
            speakers: (reading.speakers ?? []).map((name) => ({ name })),
            title: item.title,
            ...shared,
          };
    const text = itemText(fields, body, draftReason || undefined);
    const relative = `${item.folder}/index.md`;
    const hash = hashOf(text);
    const fate = fateOf(contentDir, relative, hash, manifest, options.overwrite ?? false);
    if (fate === "new" || fate === "updated") {
      writeInside(staging, relative, text);
      staged.push({ item, relative, fate, hash });
    }
    itemFates.set(item, fate);
  }

  // The build's own check of every staged item, with the content folder as it would be.
  const refused = new Map<PlannedItem, string[]>();
  let existingProblems: string[] = [];
  if (staged.length > 0) {
    const checked = checkStaged(
      staging,
      contentDir,
      staged.map(({ relative, item }) => ({ file: path.join(staging, relative), kind: item.kind.kind })),
      {
        site: options.site,
        topics: options.topics,
        conferences: options.conferences,
        ...(options.now ? { now: options.now } : {}),
      },
    );
    existingProblems = checked.existing;
    for (const { item, relative } of staged) {
      const messages = checked.refused.get(relative);
      if (messages) refused.set(item, messages);
    }
  }

  // What is moved: every staged file of every item the build accepts.
  const moved: string[] = [];
  const newManifest: Manifest = { items: { ...manifest.items }, files: { ...manifest.files } };
  for (const item of items.values()) {
    if (refused.has(item)) continue;
    const fate = itemFates.get(item) as FileFate;
    const written = (relative: string, hash: string) => {
      moved.push(relative);
      newManifest.files[relative] = hash;
    };
    if (fate === "new" || fate === "updated")
      written(`${item.folder}/index.md`, staged.find((entry) => entry.item === item)?.hash as string);
    for (const file of item.files.values()) {
      if (!file.found || (file.fate !== "new" && file.fate !== "updated")) continue;
      written(`${item.folder}/${file.name}`, hashOf(readFileSync(path.join(staging, item.folder, file.name))));
    }
    newManifest.items[item.entry.key] = item.folder;
  }
  if (!options.dryRun) {
    moveIntoContent(staging, contentDir, moved);
    const manifestText = `${JSON.stringify(sortedManifest(newManifest), null, 2)}\n`;
    const manifestFile = path.join(contentDir, manifestName);
    if (!existsSync(manifestFile) || readFileSync(manifestFile, "utf8") !== manifestText)
      writeInside(contentDir, manifestName, manifestText);
  }

  const rows: PageRow[] = [];
  for (const entry of context.pages.values()) {
    const item = items.get(entry.key);
    const urls = [...entry.urls].sort();
    if (item) {
      const fate = refused.has(item)
        ? "refused"
        : itemFates.get(item) === "kept"
          ? "kept"
          : (itemFates.get(item) as FileFate);
      rows.push({
        address: entry.url,
        also: urls.filter((url) => url !== entry.url),
        file: `${item.folder}/index.md`,
        title: item.title,
        date: item.entry.reading.date ?? "",
        lang: item.lang ?? options.site.language,
        files: [...item.files.values()].filter((file) => file.found).map((file) => file.name),
        fate,
        look: [
          ...item.draftReasons.map((reason) => `draft: ${reason}`),
          ...item.notes,
          ...(item.oldLinks.length > 0
            ? [
                `${item.oldLinks.length} link${item.oldLinks.length === 1 ? "" : "s"} to old pages not imported: ` +
                  item.oldLinks.join(", "),
              ]
            : []),
          ...(refused.get(item) ?? []).map((message) => `refused by the build: ${message}`),
          ...(fate === "kept" ? ["edited since the last import: kept as it is (--overwrite replaces it)"] : []),
        ],
      });
    } else {
      const skip = entry.decision as Skip;
      rows.push({
        address: entry.url,
        also: urls.filter((url) => url !== entry.url),
        skipped: skip.skip,
        detail: skip.detail,
        look: [],
      });
    }
  }
  for (const { url, skip } of context.skippedEarly)
    rows.push({ address: url, also: [], skipped: skip.skip, detail: skip.detail, look: [] });
  for (const redirect of context.redirectUrls.values()) {
    const target = redirect.location ? context.itemOfUrl(redirect.location) : undefined;
    rows.push({
      address: redirect.url,
      also: [],
      skipped: "redirect",
      detail:
        `${redirect.status} to ${redirect.location || "nowhere"}` +
        (target ? `: an alias of ${target.folder}/index.md` : ""),
      look: [],
    });
  }
  rows.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));

  const report: ImportReport = {
    source: options.source,
    contentDir,
    dryRun: options.dryRun ?? false,
    records: context.records,
    bytes: context.bytesRead,
    rows,
    problems: [...problems, ...existingProblems.map((problem) => `content already there: ${problem}`)],
    written: moved.length,
  };
  if (!options.dryRun) writeInside(contentDir, reportName, writeReport(report));
  return report;
}

function sortedManifest(manifest: Manifest): Manifest {
  const sorted = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { items: sorted(manifest.items), files: sorted(manifest.files) };
}

export type { SkipReason, AbstractRule };
