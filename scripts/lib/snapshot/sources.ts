/**
 * Where `npm run verify` reads a bag from: a folder, or a zip of one (the bag at the zip's root,
 * or in one folder at its root, as `npm run snapshot` writes it). Nothing is extracted: a zip's
 * entries are read in memory, and an entry whose name would leave the bag is reported, not read.
 */
import { statSync } from "node:fs";
import { escapeReason, folderSource, type BagSource } from "./bagit.ts";
import { readZip, ZipError, type ZipEntry } from "./zip.ts";

export async function zipSource(zipPath: string): Promise<BagSource> {
  const problems: string[] = [];
  const entries = (await readZip(zipPath)).filter((entry) => {
    const reason = escapeReason(entry.name);
    if (reason) problems.push(`zip entry ${JSON.stringify(entry.name)} escapes the bag: ${reason}`);
    return !reason;
  });
  const prefix = bagPrefix(entries);
  const byFile = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (entry.name.startsWith(prefix)) byFile.set(entry.name.slice(prefix.length), entry);
    else problems.push(`extra: ${entry.name} (outside the bag's folder ${prefix})`);
  }
  const entryOf = (file: string): ZipEntry => {
    const entry = byFile.get(file);
    if (!entry) throw new ZipError(`${file} is not in ${zipPath}`);
    return entry;
  };
  return {
    name: zipPath,
    problems,
    files: () => [...byFile.keys()].sort(),
    size: (file) => entryOf(file).size,
    read: (file) => {
      try {
        return entryOf(file).read();
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        // Reported once; the empty bytes then fail the checksum as well.
        if (!problems.includes(`damaged: ${error.message}`)) problems.push(`damaged: ${error.message}`);
        return Buffer.alloc(0);
      }
    },
  };
}

/** "" when bagit.txt is at the zip's root, else "<folder>/" when one top folder holds it. */
function bagPrefix(entries: readonly ZipEntry[]): string {
  if (entries.some((entry) => entry.name === "bagit.txt")) return "";
  const tops = new Set(entries.map((entry) => entry.name.split("/")[0]));
  const [top] = tops;
  return tops.size === 1 && top !== undefined && entries.some((entry) => entry.name === `${top}/bagit.txt`)
    ? `${top}/`
    : "";
}

/** A folder or a zip, by what is at `target`. */
export async function openBag(target: string): Promise<BagSource> {
  return statSync(target).isDirectory() ? folderSource(target) : zipSource(target);
}
