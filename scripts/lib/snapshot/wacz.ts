/**
 * A snapshot as a web archive: a WACZ 1.1.1 file (https://specs.webrecorder.net/wacz/1.1.1/), the
 * package ReplayWeb.page, pywb and other web-archive tools open. It is a zip of
 *
 *   archive/data.warc.gz       every published file at its live URL (warc.ts), stored as it is
 *                              (then data-2.warc.gz, … past yazl's 1 GiB for a stored entry)
 *   indexes/index.cdxj         one sorted CDXJ line a response record: where it is in the WARC
 *   pages/pages.jsonl          every article: URL, capture time, title and text, for full-text search
 *   datapackage.json           what the package is, and each file's size and sha256
 *   datapackage-digest.json    the sha256 of datapackage.json
 *
 * laid out as Webrecorder's py-wacz and js-wacz lay it out. The records come from the staged site
 * before the snapshot phase makes its pages readable from disk: the pages a web archive holds are
 * the ones served at the live URLs.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { site } from "../content/data.ts";
import type { Archive } from "../model/archive.ts";
import { absoluteUrl } from "../model/urls.ts";
import { dayAsNow } from "../content/dates.ts";
import { htmlText } from "../util/html.ts";
import { pageUrls } from "./links.ts";
import { pluralise } from "../util/format.ts";
import { byCodeUnits, listFiles } from "../util/list-files.ts";
import type { SnapshotInfo } from "./info.ts";
import {
  cdxjLine,
  checkRecord,
  parseCdxj,
  readWarcRecords,
  responseRecord,
  recordUuid,
  warcinfoRecord,
  type CdxEntry,
} from "./warc.ts";
import { maxStoredBytes, readZip, writeZip, ZipError, type ZipEntry } from "./zip.ts";

export const waczVersion = "1.1.1";
const indexPath = "indexes/index.cdxj";
const pagesPath = "pages/pages.jsonl";
const packagePath = "datapackage.json";
const digestPath = "datapackage-digest.json";
/** Host configuration (Netlify, Cloudflare Pages), read by the host and never served. */
const hostFiles = new Set(["_headers"]);

/** One WARC of the package, `archive/<name>`. */
export interface ArchivedWarc {
  name: string;
  bytes: Buffer;
}

/** The live site's records, kept in memory until the WACZ is written (a few MB a year of the archive). */
export interface LiveSiteArchive {
  /** data.warc.gz, then data-2.warc.gz, … when the records outgrow one (`maxWarcBytes`). */
  warcs: ArchivedWarc[];
  cdx: string[];
  pages: string[];
  records: number;
  siteRoot: string;
  warcDate: string;
}

/** The n-th WARC's name, from 0: "data.warc.gz", "data-2.warc.gz", … */
function warcNameOf(index: number): string {
  return index === 0 ? "data.warc.gz" : `data-${index + 1}.warc.gz`;
}

/** The capture time of every record: noon UTC of the snapshot's day, the build's "now" (`dayAsNow`). */
export function warcDateOf(takenOn: string): string {
  return dayAsNow(takenOn)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}

/** The package's title: "IAP News Archive, 2023". */
function titleOf(info: SnapshotInfo): string {
  return `${site.name}, ${info.label}`;
}

/**
 * The staged site as WARC records at the live URLs, the CDXJ lines that find them, and the pages
 * list with each article's text. `siteDir` holds the site as the live host would serve it.
 */
export async function archiveLiveSite(
  siteDir: string,
  archive: Pick<Archive, "siteRoot" | "redirects" | "items">,
  info: SnapshotInfo,
  maxWarcBytes = maxStoredBytes,
): Promise<LiveSiteArchive> {
  const warcDate = warcDateOf(info.takenOn);
  const siteRoot = archive.siteRoot;
  const redirects = new Map(archive.redirects.map((redirect) => [redirect.file.replace(/^\//, ""), redirect]));
  const warcs: { name: string; members: Uint8Array[]; bytes: number }[] = [];
  /** A WARC begins with its warcinfo record. */
  const startWarc = async () => {
    const name = warcNameOf(warcs.length);
    const head = await warcinfoRecord(name, warcDate, {
      software: info.generator,
      format: "WARC File Format 1.1",
      conformsTo: "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
      isPartOf: titleOf(info),
      description: `${site.organisation}: ${site.name}, ${info.label}, as published at ${siteRoot} on ${info.takenOn}.`,
      ...(info.commit
        ? { "content-commit": `${info.commit.id}${info.commit.modified ? " with uncommitted changes" : ""}` }
        : {}),
    });
    const warc = { name, members: [head], bytes: head.byteLength };
    warcs.push(warc);
    return warc;
  };
  let warc = await startWarc();
  const cdx: string[] = [];
  for (const file of listFiles(siteDir).filter((name) => !hostFiles.has(name))) {
    const record = await responseRecord(
      file,
      readFileSync(path.join(siteDir, file)),
      warcDate,
      siteRoot,
      redirects.get(file),
    );
    // The zip stores a WARC with its sizes in its local header, which bounds its size (zip.ts).
    if (warc.bytes + record.bytes.byteLength > maxWarcBytes && warc.members.length > 1) warc = await startWarc();
    cdx.push(cdxjLine(record, warcDate, warc.bytes, warc.name));
    warc.members.push(record.bytes);
    warc.bytes += record.bytes.byteLength;
  }
  const pages = archive.items.map((item) => {
    const url = absoluteUrl(item.url, siteRoot);
    // json-pages-1.0 allows fields of its own beside url, ts, title and text: the page's language,
    // as schema.org names it.
    return JSON.stringify({
      id: recordUuid(`${warcDate} ${url}`).replaceAll("-", ""),
      url,
      ts: warcDate,
      title: item.title,
      text: htmlText(item.html),
      inLanguage: item.lang,
    });
  });
  return {
    warcs: warcs.map(({ name, members }) => ({ name, bytes: Buffer.concat(members) })),
    cdx: cdx.sort(byCodeUnits),
    pages,
    records: warcs.reduce((sum, { members }) => sum + members.length, 0),
    siteRoot,
    warcDate,
  };
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/** Writes the WACZ (through a temporary file, like every zip here). Returns its size. */
export async function writeWacz(waczPath: string, live: LiveSiteArchive, info: SnapshotInfo): Promise<number> {
  const title = titleOf(info);
  const header = JSON.stringify({ format: "json-pages-1.0", id: "pages", title, hasText: true });
  const files: { path: string; bytes: Buffer; stored?: boolean }[] = [
    // The WARC's records are gzipped one by one: compressing them again would only hide their offsets.
    ...live.warcs.map((warc) => ({ path: `archive/${warc.name}`, bytes: warc.bytes, stored: true })),
    { path: indexPath, bytes: Buffer.from(live.cdx.map((line) => `${line}\n`).join(""), "utf8") },
    { path: pagesPath, bytes: Buffer.from([header, ...live.pages].map((line) => `${line}\n`).join(""), "utf8") },
  ];
  const datapackage = Buffer.from(
    `${JSON.stringify(
      {
        profile: "data-package",
        wacz_version: waczVersion,
        title,
        description:
          `Web archive of ${site.name} (${site.organisation}), ${info.label}, ` + `as published on ${info.takenOn}.`,
        created: live.warcDate,
        software: info.generator,
        mainPageUrl: live.siteRoot,
        mainPageDate: live.warcDate,
        resources: files.map((file) => ({
          name: path.posix.basename(file.path),
          path: file.path,
          hash: sha256(file.bytes),
          bytes: file.bytes.byteLength,
        })),
      },
      null,
      2,
    )}\n`,
    "utf8",
  );
  const digest = Buffer.from(`${JSON.stringify({ path: packagePath, hash: sha256(datapackage) }, null, 2)}\n`, "utf8");
  const entries = [...files, { path: packagePath, bytes: datapackage }, { path: digestPath, bytes: digest }].map(
    (file) => ({
      name: file.path,
      size: file.bytes.byteLength,
      read: () => file.bytes,
      ...("stored" in file && file.stored ? { stored: true } : {}),
    }),
  );
  return writeZip(waczPath, entries, info.takenOn);
}

export interface WaczVerification {
  /** One line per problem, the first one first; empty when the WACZ is valid. */
  problems: string[];
  resources: number;
  records: number;
  cdxLines: number;
  pages: number;
}

interface Resource {
  path: string;
  hash: string;
  bytes: number;
}

function parseJson(bytes: Buffer, name: string, problems: string[]): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    problems.push(`${name}: not JSON`);
    return undefined;
  }
}

function resourcesOf(datapackage: unknown, problems: string[]): Resource[] {
  const list = (datapackage as { resources?: unknown } | undefined)?.resources;
  if (!Array.isArray(list)) {
    problems.push(`${packagePath}: no "resources" list`);
    return [];
  }
  const resources: Resource[] = [];
  list.forEach((entry: unknown, index) => {
    const { path: file, hash, bytes } = (entry ?? {}) as Record<string, unknown>;
    if (typeof file !== "string" || typeof hash !== "string" || typeof bytes !== "number")
      problems.push(`${packagePath}: resource ${index + 1} lacks path, hash or bytes`);
    else resources.push({ path: file, hash, bytes });
  });
  return resources;
}

/**
 * Checks a WACZ: datapackage.json against its digest, every resource's size and sha256, every WARC
 * record's gzip member and digests (read back with warcio), every CDXJ line against the record at
 * its offset and length, and that the WARC is stored, not compressed again.
 */
export async function verifyWacz(waczPath: string): Promise<WaczVerification> {
  const problems: string[] = [];
  const result: WaczVerification = { problems, resources: 0, records: 0, cdxLines: 0, pages: 0 };
  const entries = new Map((await readZip(waczPath)).map((entry) => [entry.name, entry]));
  /** An entry's bytes; a damaged entry (its CRC-32 differs) is a problem, and its bytes as stored are checked on. */
  const read = (entry: ZipEntry): Buffer => {
    try {
      return entry.read();
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      problems.push(`damaged: ${error.message}`);
      return entry.stored ? entry.raw() : Buffer.alloc(0);
    }
  };
  const packageEntry = entries.get(packagePath);
  if (!packageEntry) {
    problems.push(`missing: ${packagePath} (every WACZ lists its files in it)`);
    return result;
  }
  const datapackage = read(packageEntry);
  const digestEntry = entries.get(digestPath);
  if (!digestEntry) problems.push(`missing: ${digestPath}`);
  else {
    const stated = (parseJson(read(digestEntry), digestPath, problems) as { hash?: unknown } | undefined)?.hash;
    if (stated !== sha256(datapackage))
      problems.push(`altered: ${packagePath} (its sha256 differs from ${digestPath})`);
  }
  const resources = resourcesOf(parseJson(datapackage, packagePath, problems), problems);
  result.resources = resources.length;
  const contents = new Map<string, Buffer>();
  for (const resource of resources) {
    const entry = entries.get(resource.path);
    if (!entry) {
      problems.push(`missing: ${resource.path} (listed in ${packagePath})`);
      continue;
    }
    const bytes = read(entry);
    contents.set(resource.path, bytes);
    if (bytes.byteLength !== resource.bytes)
      problems.push(`altered: ${resource.path} (${bytes.byteLength} bytes, ${packagePath} says ${resource.bytes})`);
    else if (sha256(bytes) !== resource.hash)
      problems.push(`altered: ${resource.path} (its sha256 differs from ${packagePath})`);
  }
  const listed = new Set([...resources.map((resource) => resource.path), packagePath, digestPath]);
  for (const name of [...entries.keys()].filter((file) => !listed.has(file)).sort(byCodeUnits))
    problems.push(`extra: ${name} (not listed in ${packagePath})`);

  // The index first: a record too damaged to say its URL is named by the index line that points at it.
  const indexes = resources.filter((resource) => /^indexes\/[^/]+\.cdxj?$/.test(resource.path));
  if (indexes.length === 0) problems.push(`missing: a CDXJ index in indexes/ (listed in ${packagePath})`);
  const cdx: (CdxEntry & { index: string })[] = [];
  for (const index of indexes) {
    const text = contents.get(index.path)?.toString("utf8") ?? "";
    const parsed = parseCdxj(text);
    problems.push(...parsed.problems.map((problem) => `${index.path} ${problem}`));
    const lines = text.split("\n").filter((line) => line !== "");
    if (lines.some((line, at) => at > 0 && byCodeUnits(lines[at - 1] ?? "", line) > 0))
      problems.push(`${index.path}: its lines are not sorted`);
    cdx.push(...parsed.entries.map((entry) => ({ ...entry, index: index.path })));
  }
  result.cdxLines = cdx.length;

  const links = linkCheck(new Set(cdx.map((entry) => entry.url)));
  const warcs = resources.filter((resource) => /^archive\/[^/]+\.warc(\.gz)?$/.test(resource.path));
  if (warcs.length === 0) problems.push(`missing: a WARC in archive/ (listed in ${packagePath})`);
  const names = new Set(warcs.map((warc) => path.posix.basename(warc.path)));
  for (const entry of cdx.filter((line) => !names.has(line.filename)))
    problems.push(
      `${entry.index} line ${entry.line} (${entry.url}): names ${entry.filename}, which is not in archive/`,
    );
  for (const warc of warcs) {
    const bytes = contents.get(warc.path);
    if (!bytes) continue;
    if (!entries.get(warc.path)?.stored)
      problems.push(`${warc.path}: compressed in the zip (WACZ stores WARCs as they are)`);
    result.records += await checkWarc(
      warc.path,
      bytes,
      cdx.filter((entry) => entry.filename === path.posix.basename(warc.path)),
      problems,
      links,
    );
  }
  problems.push(...links.problems());

  const pages =
    contents
      .get(pagesPath)
      ?.toString("utf8")
      .split("\n")
      .filter((line) => line.trim() !== "") ?? [];
  result.pages = Math.max(0, pages.length - 1);
  return result;
}

/**
 * Checks every record of a WARC, each gzip member on its own, where the index says it is: its
 * bounds, URL, digests; a sound page's links go to `links`. The bytes between indexed records (the
 * warcinfo record first) are read with warcio's parser and checked the same way. Returns how many
 * records were sound.
 */
async function checkWarc(
  name: string,
  warc: Buffer,
  cdx: readonly (CdxEntry & { index: string })[],
  problems: string[],
  links: LinkCheck,
): Promise<number> {
  let sound = 0;
  let end = 0;
  const checkUnindexed = async (from: number, to: number) => {
    for (const record of await readWarcRecords(warc.subarray(from, to))) {
      if (record.problem)
        problems.push(
          `${name}: record at offset ${from + record.offset}${record.url ? ` (${record.url})` : ""}: ${record.problem}`,
        );
      else sound++;
    }
  };
  for (const entry of [...cdx].sort((a, b) => a.offset - b.offset)) {
    const where = `${name}: record at offset ${entry.offset} (${entry.url}, ${entry.index} line ${entry.line})`;
    if (entry.offset < end || entry.offset + entry.length > warc.byteLength) {
      problems.push(`${where}: its bounds overlap another record or pass the end of the WARC`);
      continue;
    }
    if (entry.offset > end) await checkUnindexed(end, entry.offset);
    end = entry.offset + entry.length;
    const record = await checkRecord(warc.subarray(entry.offset, end));
    if (record.problem) problems.push(`${where}: ${record.problem}`);
    else if (record.url !== entry.url) problems.push(`${where}: the record there is ${record.url}`);
    else if (record.digest !== entry.digest)
      problems.push(`${where}: its payload digest differs from the index line's`);
    else {
      sound++;
      if (record.html !== undefined) links.page(entry.url, record.html);
    }
  }
  if (end < warc.byteLength) await checkUnindexed(end, warc.byteLength);
  return sound;
}

interface LinkCheck {
  page(url: string, html: string): void;
  /** One line per URL that pages link to and no index line finds, in the order first met. */
  problems(): string[];
}

/**
 * "a%2Cb", "a,b" → "a,b": the name an address means, to find one written differently (malformed
 * escapes left as they are).
 */
function decodedName(url: string): string {
  return url.replace(/(?:%[0-9a-f]{2})+/gi, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/**
 * Checks that every link from an archived page to its own site finds a record, as a replay tool
 * looks it up: the URL as the page writes it, without its fragment. A page's address the archive
 * lacks (ending in "/") is left out: it is a page of another period, which replay tools send to the
 * live site.
 */
function linkCheck(indexed: ReadonlySet<string>): LinkCheck {
  const missing = new Map<string, { from: string; pages: number }>();
  const byName = new Map([...indexed].map((url) => [decodedName(url), url]));
  return {
    page(url, html) {
      const origin = new URL(url).origin;
      const targets = new Set<string>();
      for (const written of pageUrls(html)) {
        let target: URL;
        try {
          target = new URL(written.trim(), url);
        } catch {
          continue;
        }
        target.hash = "";
        if (target.origin === origin && !target.pathname.endsWith("/") && !indexed.has(target.href))
          targets.add(target.href);
      }
      for (const target of targets) {
        const seen = missing.get(target);
        if (seen) seen.pages++;
        else missing.set(target, { from: url, pages: 1 });
      }
    },
    problems: () =>
      [...missing].map(([target, { from, pages }]) => {
        const others = pages > 1 ? ` (and ${pluralise(pages - 1, "other page")})` : "";
        const archived = byName.get(decodedName(target));
        const hint = archived ? `; the archive has ${archived}, the same name written differently` : "";
        return `${from}${others} links to ${target}, which no index line finds${hint}`;
      }),
  };
}
