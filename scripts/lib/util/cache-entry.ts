/**
 * Entries of the media cache (a processed image's record, a PDF's text): JSON files written whole
 * and checked when read back. An entry that cannot be read, or is not what this build writes, is
 * removed, and the build recomputes what it held: a damaged cache costs time, never a build.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { displayPath } from "./paths.ts";

/** The entry's value; why it was discarded; or undefined when there is none. */
export type CacheRead<T> = { value: T } | { discarded: string } | undefined;

/** The entry at `file`, checked against `schema`; a damaged entry is removed and the reason returned. */
export function readCacheEntry<Schema extends z.ZodType>(file: string, schema: Schema): CacheRead<z.infer<Schema>> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    return {
      discarded: discardCacheEntry(file, code === "EISDIR" ? "a folder" : `unreadable (${code ?? String(error)})`),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { discarded: discardCacheEntry(file, text.length === 0 ? "empty" : "not valid JSON") };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { value: parsed.data }
    : { discarded: discardCacheEntry(file, "not an entry this build writes") };
}

/** Removes a damaged entry, so that the recomputed one replaces it; returns `reason`. */
export function discardCacheEntry(file: string, reason: string): string {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch {
    // Writing the recomputed entry reports what stands in the way.
  }
  return reason;
}

/** Writes an entry whole under another name first: an interrupted build never leaves half an entry. */
export function writeCacheEntry(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(value));
  renameSync(`${file}.tmp-${process.pid}`, file);
}

/** The warning for a discarded entry: a cache problem, named with the file it was made from. */
export function cacheWarning(source: string, entry: string, reason: string): string {
  return (
    `cache: discarded an unreadable entry for ${displayPath(source)} ` +
    `(${displayPath(entry)}: ${reason}): recomputed`
  );
}
