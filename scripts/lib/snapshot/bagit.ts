/**
 * BagIt (RFC 8493, https://www.rfc-editor.org/rfc/rfc8493): a folder whose payload is in `data/`,
 * with `bagit.txt`, `bag-info.txt`, a manifest of every payload file's checksum and a tag manifest
 * of the other files' checksums. Writing a bag, and verifying one, from a folder or a zip: complete
 * (nothing missing, nothing added) and valid (no checksum differs).
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { byCodeUnits, listFiles } from "../util/list-files.ts";
import { site } from "../content/data.ts";
import { formatCalendarDate } from "../content/dates.ts";
import { pluralise } from "../util/format.ts";
import type { SnapshotInfo } from "./info.ts";

export const bagitVersion = "1.0";
/** The checksum algorithm of the bags written here; verifying also reads md5, sha1 and sha256 manifests. */
export const bagAlgorithm = "sha512";
const algorithms = new Set(["md5", "sha1", "sha256", "sha512"]);

/** `bag-info.txt` fields, in the order written. */
export type BagInfo = [label: string, value: string][];

/** bag-info.txt: who, when, what (RFC 8493 §2.2.2's reserved labels). */
export function bagInfo(info: SnapshotInfo, counts: { news: number; abstracts: number }): BagInfo {
  const fields: BagInfo = [
    ["Source-Organization", site.organisation],
    ["Bagging-Date", info.takenOn],
    [
      "External-Description",
      `Archived snapshot of ${site.name}, ${info.label}: ${pluralise(counts.news, "news item")} and ` +
        `${pluralise(counts.abstracts, "conference abstract")} as published on ${formatCalendarDate(info.takenOn)}, ` +
        `a static website that reads from disk (open data/index.html). Made with ${info.generator}.`,
    ],
    ["Bag-Software-Agent", info.generator],
  ];
  if (info.commit)
    fields.push([
      "Internal-Sender-Identifier",
      `content git commit ${info.commit.id}${info.commit.modified ? " with uncommitted changes" : ""}`,
    ]);
  return fields;
}

/** A bag's files, from a folder or a zip: relative paths with forward slashes. */
export interface BagSource {
  /** What is being verified, for messages: the folder or the zip. */
  name: string;
  files(): string[];
  read(file: string): Buffer;
  size(file: string): number;
  /** Problems with the container itself (a damaged zip entry), reported after the bag's. */
  problems: string[];
}

export interface BagReport {
  payloadFiles: number;
  payloadBytes: number;
}

export interface Verification extends BagReport {
  /** One line per problem: "altered: data/x.html (…)"; empty when the bag is complete and valid. */
  problems: string[];
  algorithms: string[];
}

/** RFC 8493 §2.1.3: in a manifest, only CR, LF and % in a path are percent-encoded. */
export function encodeManifestPath(file: string): string {
  return file.replace(/[%\r\n]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function decodeManifestPath(file: string): string {
  return file.replace(/%(25|0A|0D)/gi, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

/**
 * Why a path from a manifest (or a zip) would lead out of the bag, or undefined when it stays in.
 * Verifying never opens such a path: it is reported instead.
 */
export function escapeReason(file: string): string | undefined {
  if (file === "") return "it is empty";
  if (file.startsWith("/") || /^[A-Za-z]:/.test(file)) return "it is absolute";
  if (file.startsWith("~")) return "it starts with ~";
  if (file.includes("\\")) return "it contains a backslash";
  if (file.split("/").some((segment) => segment === "..")) return "it contains ..";
  if (file.split("/").some((segment) => segment === "" || segment === ".")) return "it is not a plain relative path";
  return undefined;
}

function checksum(algorithm: string, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest("hex");
}

function manifestText(entries: readonly { file: string; bytes: Uint8Array }[]): string {
  return entries.map(({ file, bytes }) => `${checksum(bagAlgorithm, bytes)}  ${encodeManifestPath(file)}\n`).join("");
}

/** A `bag-info.txt` line, folded before 79 characters with indented continuation lines (RFC 8493 §2.2.2). */
export function tagLine(label: string, value: string, width = 79): string {
  const lines: string[] = [];
  let line = `${label}:`;
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (line.length + 1 + word.length > width && line.trim() !== `${label}:`) {
      lines.push(line);
      line = "  ";
    }
    line += line === "  " ? word : ` ${word}`;
  }
  lines.push(line);
  return `${lines.join("\n")}\n`;
}

/** Reads `Label: value` lines, joining continuation lines; a label given twice keeps every value. */
export function parseTagFile(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { label: string; values: string[] } | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (/^[ \t]/.test(line) && last) {
      last.values[last.values.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const match = /^([^:]+):[ \t]*(.*)$/.exec(line);
    if (!match) continue;
    const label = (match[1] ?? "").trim();
    const values = fields.get(label) ?? [];
    values.push(match[2] ?? "");
    fields.set(label, values);
    last = { label, values };
  }
  return fields;
}

/** "1234.56": the payload's bytes and files, which a reader can compare before checking any checksum. */
export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/**
 * Makes `bagDir` a bag around its `data/` folder, which must already hold the payload. `info`
 * gives the fields of bag-info.txt; Payload-Oxum is computed and added last.
 */
export function writeBag(bagDir: string, info: BagInfo): BagReport {
  const payload = listFiles(path.join(bagDir, "data")).map((file) => ({
    file: `data/${file}`,
    bytes: readFileSync(path.join(bagDir, "data", file)),
  }));
  const payloadBytes = payload.reduce((sum, entry) => sum + entry.bytes.byteLength, 0);
  const tags: { file: string; bytes: Uint8Array }[] = [];
  const writeTag = (file: string, text: string) => {
    const bytes = Buffer.from(text, "utf8");
    writeFileSync(path.join(bagDir, file), bytes);
    tags.push({ file, bytes });
  };
  writeTag("bagit.txt", `BagIt-Version: ${bagitVersion}\nTag-File-Character-Encoding: UTF-8\n`);
  const fields: BagInfo = [...info, ["Payload-Oxum", payloadOxum(payloadBytes, payload.length)]];
  writeTag("bag-info.txt", fields.map(([label, value]) => tagLine(label, value)).join(""));
  writeTag(`manifest-${bagAlgorithm}.txt`, manifestText(payload));
  writeFileSync(
    path.join(bagDir, `tagmanifest-${bagAlgorithm}.txt`),
    manifestText(tags.sort((a, b) => byCodeUnits(a.file, b.file))),
  );
  return { payloadFiles: payload.length, payloadBytes };
}

interface ManifestEntry {
  file: string;
  hash: string;
}

/** A manifest's entries; lines that are malformed or whose path would leave the bag are problems instead. */
function readManifest(source: BagSource, name: string, problems: string[]): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const text = source.read(name).toString("utf8");
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === "") return;
    const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!match) {
      problems.push(`${name} line ${index + 1}: not "checksum path"`);
      return;
    }
    const file = decodeManifestPath(match[2] ?? "");
    const reason = escapeReason(file);
    if (reason) {
      problems.push(`${name} line ${index + 1}: ${JSON.stringify(file)} escapes the bag: ${reason}`);
      return;
    }
    entries.push({ file, hash: (match[1] ?? "").toLowerCase() });
  });
  return entries;
}

/** Checks a manifest's entries against the files: each missing or altered one is a problem. */
function checkEntries(
  source: BagSource,
  manifest: string,
  algorithm: string,
  entries: readonly ManifestEntry[],
  present: ReadonlySet<string>,
  problems: string[],
): void {
  for (const { file, hash } of entries) {
    if (!present.has(file)) problems.push(`missing: ${file} (listed in ${manifest})`);
    else if (checksum(algorithm, source.read(file)) !== hash)
      problems.push(`altered: ${file} (its ${algorithm} differs from ${manifest})`);
  }
}

/** Files a bag may have without a tag manifest listing them. */
const declaredTagFile = /^(bagit\.txt|bag-info\.txt|fetch\.txt|(tag)?manifest-[a-z0-9]+\.txt)$/;

export function verifyBag(source: BagSource): Verification {
  const problems: string[] = [];
  const files = source.files();
  const present = new Set(files);
  const payload = files.filter((file) => file.startsWith("data/"));
  const payloadBytes = payload.reduce((sum, file) => sum + source.size(file), 0);
  // The source's own problems are known once its files have been read.
  const result = (used: string[]): Verification => ({
    problems: [...problems, ...source.problems],
    algorithms: used,
    payloadFiles: payload.length,
    payloadBytes,
  });

  if (!present.has("bagit.txt")) {
    problems.push("missing: bagit.txt (every bag declares itself in it)");
    return result([]);
  }
  const declaration = parseTagFile(source.read("bagit.txt").toString("utf8"));
  const version = declaration.get("BagIt-Version")?.[0];
  if (version !== "1.0" && version !== "0.97")
    problems.push(`bagit.txt: BagIt-Version ${JSON.stringify(version ?? "")} is not 1.0 or 0.97`);
  if (present.has("fetch.txt"))
    problems.push("fetch.txt: the bag lists files to download, so it is not complete as it is");

  const manifests = files.filter((file) => /^manifest-[^/]+\.txt$/.test(file));
  const tagManifests = files.filter((file) => /^tagmanifest-[^/]+\.txt$/.test(file));
  const algorithmOf = (file: string) => /-([^/]+)\.txt$/.exec(file)?.[1] ?? "";
  for (const file of [...manifests, ...tagManifests].filter((name) => !algorithms.has(algorithmOf(name)))) {
    problems.push(
      `${file}: unsupported checksum algorithm ${JSON.stringify(algorithmOf(file))} (md5, sha1, sha256 or sha512)`,
    );
  }
  const usable = manifests.filter((file) => algorithms.has(algorithmOf(file)));
  if (usable.length === 0) {
    problems.push("missing: a payload manifest (manifest-sha512.txt)");
    return result([]);
  }

  for (const manifest of usable) {
    const entries = readManifest(source, manifest, problems);
    for (const { file } of entries.filter((entry) => !entry.file.startsWith("data/"))) {
      problems.push(`${manifest}: ${file} is not in the payload folder data/`);
    }
    const inPayload = entries.filter((entry) => entry.file.startsWith("data/"));
    checkEntries(source, manifest, algorithmOf(manifest), inPayload, present, problems);
    const listed = new Set(inPayload.map((entry) => entry.file));
    for (const file of payload.filter((name) => !listed.has(name)))
      problems.push(`extra: ${file} (not listed in ${manifest})`);
  }

  const listedTags = new Set<string>();
  for (const manifest of tagManifests.filter((file) => algorithms.has(algorithmOf(file)))) {
    const entries = readManifest(source, manifest, problems);
    for (const entry of entries) listedTags.add(entry.file);
    checkEntries(
      source,
      manifest,
      algorithmOf(manifest),
      entries.filter((entry) => !entry.file.startsWith("data/")),
      present,
      problems,
    );
  }
  // With a tag manifest, a file beside data/ that it does not list was added after bagging.
  if (tagManifests.length > 0) {
    for (const file of files.filter(
      (name) => !name.startsWith("data/") && !declaredTagFile.test(name) && !listedTags.has(name),
    )) {
      problems.push(`extra: ${file} (not listed in ${tagManifests.join(", ")})`);
    }
  }

  const oxum = present.has("bag-info.txt")
    ? parseTagFile(source.read("bag-info.txt").toString("utf8")).get("Payload-Oxum")?.[0]
    : undefined;
  const actual = payloadOxum(payloadBytes, payload.length);
  if (oxum !== undefined && oxum.trim() !== actual) {
    problems.push(`bag-info.txt: Payload-Oxum ${oxum.trim()} does not match the payload, ${actual} (bytes.files)`);
  }
  return result(usable.map(algorithmOf));
}

/** A bag in a folder. */
export function folderSource(dir: string): BagSource {
  return {
    name: dir,
    files: () => listFiles(dir),
    read: (file) => readFileSync(path.join(dir, file)),
    size: (file) => statSync(path.join(dir, file)).size,
    problems: [],
  };
}
