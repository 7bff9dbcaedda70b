/**
 * `npm run bench -- --import [--import-pages 10000]`: a generated crawl of the old site, imported by
 * the import CLI in a child process, timed, with the peak memory of its process tree, against
 * `importBudgets`.
 *
 * The crawl is the old site's two templates (scripts/bench/old-site.ts) filled with the bench
 * corpus's text (corpus.ts: real vocabulary, 5 % Spanish or French), items before 2018 in the
 * table layout with the date as text, later ones in the 2023 layout. As on the real site, most news
 * pages carry a photo (60 %, one in ten without alt text) and some a PDF (10 %), and the crawl holds
 * the paginated listings, `?viewmode=0` duplicates, redirects from old addresses and a few 404s.
 * Photos are real JPEGs, drawn once into a small pool and made distinct per page with a JPEG
 * comment; PDFs are written with pdf-lib, each with its article's text and a photo.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { formatBytes, formatMs } from "../lib/util/format.ts";
import { repoRoot } from "../lib/util/repo-root.ts";
import { generateCorpus, mulberry32 } from "./corpus.ts";
import { modernLayoutPage, tableLayoutPage, writeOldSiteWarc, type OldSiteResponse } from "./old-site.ts";
import { sampleTreeMemory, startedGroups, stopGroup } from "./process-tree.ts";

export const importBudgets = { pages: 10_000, wallMs: 60_000, peakBytes: 1e9 };

const host = "https://www.iap-association.org";
const listingSize = 20;
const share = { photo: 0.6, photoWithoutAlt: 0.1, document: 0.1, viewmode: 0.05, redirect: 0.02 };
const notFoundPages = 20;

export interface GeneratedCrawl {
  warc: string;
  bytes: number;
  records: number;
  articles: number;
  tableLayout: number;
  otherLanguages: number;
  listings: number;
  photos: number;
  photosWithoutAlt: number;
  documents: number;
  duplicates: number;
  redirects: number;
  notFound: number;
  ms: number;
}

interface Article {
  path: string;
  title: string;
  date: string;
  lang: string | undefined;
  bodyHtml: string;
}

/** "2013-09-08" → "08 September 2013", the 2013 template's written date. */
function writtenDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "2-digit",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * The corpus's news items as the old site's articles: title, date and language from the front
 * matter, the body rendered.
 */
function articlesOf(pages: number): Article[] {
  const markdown = new MarkdownIt();
  return generateCorpus({ news: pages, abstracts: 0, seed: 31, otherLanguages: 0.05 }).map((file) => {
    const [, frontMatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.text) ?? [];
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(frontMatter)?.[1];
    const title = JSON.parse(field("title") ?? '""') as string;
    // The CMS made addresses from titles: spaces to hyphens, the rest percent-encoded.
    const slug = encodeURIComponent(title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, ""));
    return {
      path: `/News/${slug}`,
      title,
      date: field("date") ?? "2020-01-01",
      lang: field("lang"),
      bodyHtml: markdown.render(body),
    };
  });
}

/** A JPEG made distinct by a comment segment after its start marker: the same picture, other bytes. */
function withComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, "latin1");
  const length = Buffer.from([((text.length + 2) >> 8) & 0xff, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, jpeg.subarray(2)]);
}

/**
 * Photos as cameras and phones give them, scaled for the web: noise over a gradient, so that JPEG
 * cannot squeeze them flat.
 */
async function photoPool(count: number): Promise<Buffer[]> {
  const rng = mulberry32(3131);
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const width = 560 + Math.floor(rng() * 320);
    const height = Math.round((width * 2) / 3);
    const pixels = Buffer.alloc(width * height * 3);
    for (let p = 0; p < pixels.length; p += 3) {
      const x = (p / 3) % width;
      const noise = rng() * 30;
      pixels[p] = (x * 255) / width / 2 + noise;
      pixels[p + 1] = 90 + noise;
      pixels[p + 2] = 160 - noise;
    }
    photos.push(
      await sharp(pixels, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 82 })
        .toBuffer(),
    );
  }
  return photos;
}

/** A report as the association published them: its article's text, and a photo. Standard fonts write only Latin-1. */
async function reportPdf(article: Article, photo: Buffer): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const text = `${article.title}. ${article.bodyHtml.replace(/<[^>]+>/g, " ")}`
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "");
  const words = text.split(/\s+/);
  for (let line = 0; line < 40 && words.length > 0; line++)
    page.drawText(words.splice(0, 12).join(" "), { x: 50, y: 800 - line * 14, size: 10, font });
  const image = await pdf.embedJpg(photo);
  page.drawImage(image, { x: 50, y: 40, width: 240, height: 160 });
  return pdf.save();
}

const html: [string, string][] = [["Content-Type", "text/html; charset=utf-8"]];

/** The crawl in the order a crawler meets it: home, about, login, the listings, then each article with its files. */
async function* crawlResponses(articles: readonly Article[], counts: GeneratedCrawl): AsyncGenerator<OldSiteResponse> {
  const rng = mulberry32(313);
  const photos = await photoPool(Math.min(24, Math.max(4, Math.ceil(articles.length / 50))));
  const page = (url: string, body: string, sent?: OldSiteResponse["sent"]): OldSiteResponse => ({
    url,
    status: 200,
    headers: html,
    body: Buffer.from(body),
    ...(sent ? { sent } : {}),
  });
  yield page(
    `${host}/`,
    modernLayoutPage({
      path: "/",
      title: "International Association of Prosecutors",
      bodyHtml:
        "<p>The International Association of Prosecutors was founded on 6 June 1995.</p>" +
        '<p><a href="/News">Latest news</a></p>',
    }),
  );
  yield page(
    `${host}/About-Us`,
    modernLayoutPage({
      path: "/About-Us",
      title: "About us",
      bodyHtml: `<p>The IAP is the only world organisation of prosecutors.</p>`,
    }),
  );
  yield page(
    `${host}/Login`,
    modernLayoutPage({
      path: "/Login",
      title: "Login",
      bodyHtml:
        '<form action="/Login" method="post">' +
        '<input name="username" /><input type="password" name="password" /></form>',
    }),
  );
  const listings = Math.ceil(articles.length / listingSize);
  for (let number = 1; number <= listings; number++) {
    const links = articles
      .slice((number - 1) * listingSize, number * listingSize)
      .map(
        (article) =>
          `<li><a href="${article.path}">${article.title}</a> <span>${writtenDate(article.date)}</span></li>`,
      );
    const pager = [
      number > 1 ? `<a href="/News?page=${number - 1}">‹ Previous</a>` : "",
      number < listings ? `<a href="/News?page=${number + 1}">Next ›</a>` : "",
    ].join(" ");
    yield page(
      `${host}/News${number === 1 ? "" : `?page=${number}`}`,
      modernLayoutPage({
        path: "/News",
        title: "News",
        bodyHtml: `<ul class="news-list">${links.join("")}</ul><nav class="pager">${pager}</nav>`,
      }),
    );
    counts.listings++;
  }
  for (const [index, article] of articles.entries()) {
    const year = Number(article.date.slice(0, 4));
    const photo = rng() < share.photo ? photos[index % photos.length] : undefined;
    const withAlt = rng() >= share.photoWithoutAlt;
    const photoPath = `/Portals/0/Images/News/${year}/photo-${index + 1}.jpg`;
    const documentPath = rng() < share.document ? `/Portals/0/Documents/${year}/Report%20${index + 1}.pdf` : undefined;
    const next = articles[index + 1];
    const alt = withAlt ? ` alt="${article.title.replace(/"/g, "&quot;")}"` : "";
    const bodyHtml = [
      photo ? `<p><img src="${photoPath}"${alt} width="640" height="427" /></p>` : "",
      article.bodyHtml,
      documentPath ? `<p>The full text can be accessed <a href="${documentPath}">here</a>.</p>` : "",
      next ? `<p>Read also: <a href="${next.path}">${next.title}</a></p>` : "",
    ].join("\n");
    const modern = year >= 2018;
    const markup = modern
      ? modernLayoutPage({
          path: article.path,
          title: article.title,
          date: article.date,
          ...(article.lang ? { lang: article.lang } : {}),
          bodyHtml,
        })
      : tableLayoutPage({
          path: article.path,
          title: article.title,
          date: writtenDate(article.date),
          ...(article.lang ? { lang: article.lang } : {}),
          bodyHtml,
        });
    counts.articles++;
    if (!modern) counts.tableLayout++;
    if (article.lang) counts.otherLanguages++;
    // The 2023 site's server compressed its pages.
    yield page(`${host}${article.path}`, markup, modern ? { encoding: "gzip" } : undefined);
    if (photo) {
      counts.photos++;
      if (!withAlt) counts.photosWithoutAlt++;
      yield {
        url: `${host}${photoPath}`,
        status: 200,
        headers: [["Content-Type", "image/jpeg"]],
        body: withComment(photo, `IAP photo ${index + 1}`),
      };
    }
    if (documentPath) {
      counts.documents++;
      yield {
        url: `${host}${documentPath}`,
        status: 200,
        headers: [["Content-Type", "application/pdf"]],
        body: await reportPdf(article, photos[(index + 1) % photos.length] as Buffer),
      };
    }
    if (rng() < share.viewmode) {
      counts.duplicates++;
      yield page(`${host}${article.path}?viewmode=0`, markup);
    }
    if (rng() < share.redirect) {
      counts.redirects++;
      yield {
        url: `${host}/News/Old-${index + 1}`,
        status: 301,
        headers: [["Location", `${host}${article.path}`], ...html],
        body: Buffer.from(`<html><body>Object moved to <a href="${article.path}">here</a>.</body></html>`),
      };
    }
    if (index < notFoundPages) {
      counts.notFound++;
      yield {
        url: `${host}/News/Deleted-${index + 1}`,
        status: 404,
        headers: html,
        body: Buffer.from(
          modernLayoutPage({
            path: "/404",
            title: "Page not found",
            bodyHtml: "<p>The page you requested could not be found.</p>",
          }),
        ),
      };
    }
  }
}

/** Writes a crawl of `pages` news pages (and their listings, files, duplicates, redirects) as one WARC.gz. */
export async function writeOldSiteCrawl(warc: string, pages: number): Promise<GeneratedCrawl> {
  const started = performance.now();
  const counts: GeneratedCrawl = {
    warc,
    bytes: 0,
    records: 0,
    articles: 0,
    tableLayout: 0,
    otherLanguages: 0,
    listings: 0,
    photos: 0,
    photosWithoutAlt: 0,
    documents: 0,
    duplicates: 0,
    redirects: 0,
    notFound: 0,
    ms: 0,
  };
  mkdirSync(path.dirname(warc), { recursive: true });
  const written = await writeOldSiteWarc(warc, crawlResponses(articlesOf(pages), counts), { gzipLevel: 6 });
  return { ...counts, bytes: written.bytes, records: written.records, ms: performance.now() - started };
}

export interface ImportRun {
  crawl: GeneratedCrawl;
  /** Why the import was not run or failed; the figures below are then missing. */
  error?: string;
  wallMs?: number;
  peakBytes?: number;
  byCommand?: Record<string, number>;
  exitCode?: number | null;
  /** The last lines the import printed (its counts). */
  output?: string;
  loadBefore: number[];
  loadAfter: number[];
}

const importScript = path.join(repoRoot, "scripts/import.ts");

/**
 * Runs `node --import tsx scripts/import.ts <warc> --content <dir>` in its own process group,
 * sampling its tree's memory.
 */
async function runImport(
  warc: string,
  contentDir: string,
): Promise<{
  wallMs: number;
  peakBytes: number;
  byCommand: Record<string, number>;
  exitCode: number | null;
  output: string;
}> {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", importScript, warc, "--content", contentDir], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error("the import did not start");
  startedGroups.add(child.pid);
  const sampler = sampleTreeMemory(child.pid);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000)));
  const exitCode = await new Promise<number | null>((resolve) => child.once("close", resolve));
  const wallMs = performance.now() - started;
  const peak = sampler.stop();
  startedGroups.delete(child.pid);
  stopGroup(child.pid);
  return {
    wallMs,
    peakBytes: peak.treeBytes,
    byCommand: peak.byCommand,
    exitCode,
    output: output.trim().split("\n").slice(-25).join("\n"),
  };
}

/** The load averages as `uptime` shows them: "0.52 0.61 0.70". */
function formatLoad(averages: number[]): string {
  return averages.map((n) => n.toFixed(2)).join(" ");
}

/** Generates the crawl (kept under bench/work between runs of the same size) and imports it once. */
export async function benchImport(pages: number, workDir: string, log: (line: string) => void): Promise<ImportRun> {
  const dir = path.join(workDir, `import-${pages}`);
  const warc = path.join(dir, "crawl.warc.gz");
  const load = formatLoad(os.loadavg());
  log(`\nimport: generating a crawl of ${pages} news pages in ${path.relative(repoRoot, warc)} (load ${load})`);
  const crawl = await writeOldSiteCrawl(warc, pages);
  log(
    `  ${formatBytes(crawl.bytes)} in ${crawl.records} records, ${formatMs(crawl.ms)}: ${crawl.articles} articles ` +
      `(${crawl.tableLayout} in the 2013 layout, ${crawl.otherLanguages} in Spanish or French), ` +
      `${crawl.listings} listings, ${crawl.photos} photos (${crawl.photosWithoutAlt} without alt), ` +
      `${crawl.documents} PDFs, ${crawl.duplicates} duplicates, ${crawl.redirects} redirects, ${crawl.notFound} 404s`,
  );
  const loadBefore = os.loadavg();
  if (!existsSync(importScript)) {
    const error =
      `${path.relative(repoRoot, importScript)} is not on this branch yet (it comes with branch 31-pages): ` +
      "the crawl is generated, the import not run";
    log(`  ${error}`);
    return { crawl, error, loadBefore, loadAfter: os.loadavg() };
  }
  const contentDir = path.relative(repoRoot, path.join(dir, "content"));
  log(`  importing: node --import tsx scripts/import.ts ${path.relative(repoRoot, warc)} --content ${contentDir}`);
  const run = await runImport(warc, path.join(dir, "content"));
  const loadAfter = os.loadavg();
  log(
    `  exit ${run.exitCode}, wall ${formatMs(run.wallMs)}, peak ${formatBytes(run.peakBytes)} (process tree); ` +
      `load ${formatLoad(loadAfter)}`,
  );
  log(run.output.replace(/^/gm, "  | "));
  const error = run.exitCode === 0 ? undefined : `the import exited with ${run.exitCode}`;
  return { crawl, ...run, ...(error ? { error } : {}), loadBefore, loadAfter };
}

/** The run against the budgets, as a Markdown section. */
export function importSection(run: ImportRun): string {
  const { crawl } = run;
  // The budgets are for 10,000 pages; a smaller crawl is a trial of the bench, not a verdict.
  const atScale = crawl.articles >= importBudgets.pages;
  const verdict = (value: number | undefined, budget: number, format: (n: number) => string) => {
    if (value === undefined) return "–";
    const outcome = atScale ? `: ${value <= budget ? "within" : "over"}` : ` at ${importBudgets.pages} pages`;
    return `${format(value)} (budget ${format(budget)}${outcome})`;
  };
  return [
    `### Import of a generated crawl, ${crawl.articles} news pages`,
    "",
    `${formatBytes(crawl.bytes)} of WARC.gz in ${crawl.records} records: ` +
      `${crawl.tableLayout} pages in the 2013 table layout, ${crawl.articles - crawl.tableLayout} in the 2023 one, ` +
      `${crawl.otherLanguages} in Spanish or French; ${crawl.listings} listings, ${crawl.photos} photos, ` +
      `${crawl.documents} PDFs, ${crawl.duplicates} duplicates, ${crawl.redirects} redirects, ` +
      `${crawl.notFound} 404s. Generated in ${formatMs(crawl.ms)}.`,
    "",
    "| figure | value |",
    "|---|---|",
    `| wall time | ${verdict(run.wallMs, importBudgets.wallMs, formatMs)} |`,
    `| peak memory, process tree | ${verdict(run.peakBytes, importBudgets.peakBytes, formatBytes)} |`,
    `| exit code | ${run.exitCode ?? "–"} |`,
    `| load average before / after | ${formatLoad(run.loadBefore)} / ${formatLoad(run.loadAfter)} |`,
    ...(run.error ? ["", `Not measured: ${run.error}.`] : []),
    "",
  ].join("\n");
}
