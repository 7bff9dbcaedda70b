/** Helpers for build-output tests: write a content folder, build it for real, read the pages. */
import * as cheerio from "cheerio";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BuildError, BuildOptions, BuildReport } from "../../scripts/lib/phases/build.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export function tempDir(prefix = "archive-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `{ "news/2023/a.md": "..." }` into a new temporary content folder. */
export function writeContent(files: Record<string, string | Uint8Array>, dir = tempDir("content-")): string {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export interface BuiltSite {
  outDir: string;
  report: BuildReport;
  /** The HTML of a page by URL ("/news/"), or a file by path ("/assets/site.css"). */
  read(url: string): string;
  exists(url: string): boolean;
}

export async function buildSite(contentDir: string, options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const outDir = options.outDir ?? path.join(tempDir("site-"), "_site");
  // Loaded here, not above: unit tests use this module's helpers without loading the build (Eleventy, Pagefind…).
  const { build } = await import("../../scripts/lib/phases/build.ts");
  // Tests validate every page with html-validate; builds validate a sample of each template.
  const report = await build({
    contentDir,
    outDir,
    now: new Date("2025-06-01T12:00:00Z"),
    validateHtml: "all",
    ...options,
  });
  const fileOf = (url: string) => path.join(outDir, url.endsWith("/") ? `${url}index.html` : url);
  return {
    outDir,
    report,
    read: (url) => readFileSync(fileOf(url), "utf8"),
    exists: (url) => {
      try {
        readFileSync(fileOf(url));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The build's error, or a failure if it built. */
export async function buildFailure(contentDir: string, options: Partial<BuildOptions> = {}): Promise<BuildError> {
  const { BuildError } = await import("../../scripts/lib/phases/build.ts");
  try {
    await buildSite(contentDir, options);
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error("expected the build to fail, but it succeeded");
}

/** One hash over every file's path and bytes: equal hashes mean byte-identical folders. */
export function hashTree(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) {
    hash.update(file);
    hash.update(readFileSync(path.join(dir, file)));
  }
  return hash.digest("hex");
}

/** A page parsed for assertions: `page(html)("h1").text()`. */
export function page(html: string): cheerio.CheerioAPI {
  return cheerio.load(html);
}

/** Text with runs of whitespace collapsed, as a reader sees it. */
export function text(selection: { text(): string }): string {
  return selection.text().replace(/\s+/g, " ").trim();
}

export const newsFile = (fields: Record<string, string>, body = "A first paragraph.\n") =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")}\n---\n${body}`;
