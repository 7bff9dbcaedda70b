/**
 * Full builds as a user runs them: `npm run build -- --content <corpus> --out <dir>` in a child
 * process (so the memory of npm, tsx, the build and Pagefind's binary is all measured), timed per
 * phase from the lines the build prints.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { distinctWords, generateCorpus, writeCorpus, type CorpusText } from "./corpus.ts";
import { isIndexData } from "../../src/assets/shared/pagefind-internals.ts";
import { bundleFolder } from "../../src/assets/shared/pagefind-internals.ts";
import { sampleTreeMemory, spawnNpmGroup, startedGroups, stopGroup, type MemoryPeak } from "./process-tree.ts";

export interface Corpus {
  dir: string;
  news: number;
  abstracts: number;
  /** Bytes of Markdown. */
  bytes: number;
  /** Distinct words in the Markdown, case-folded: the vocabulary Pagefind indexes. */
  words: number;
  /** The first news item: its file and its page's URL, for the dev loop and the page weight. */
  sample: { file: string; url: string };
}

/**
 * Each corpus text's seed: the two corpora share neither their words nor their random draws.
 * (SUBTLEX's is seed 1, as the corpus generator's default.)
 */
export const corpusSeeds: Record<CorpusText, number> = { subtlex: 1, brown: 2 };

/**
 * The 10k corpus's mix (8,000 news, 2,000 abstracts) at any size, of one text; deterministic;
 * `otherLanguages` of it in Spanish or French.
 */
export function writeBenchCorpus(size: number, dir: string, text: CorpusText = "subtlex", otherLanguages = 0): Corpus {
  const news = Math.round(size * 0.8);
  const abstracts = size - news;
  const files = generateCorpus({ news, abstracts, text, seed: corpusSeeds[text], otherLanguages });
  const bytes = writeCorpus(dir, files);
  // news/<year>/<slug>.md is published at /news/<year>/<slug>/ (the corpus sets no slug: field).
  const first = files.find((file) => file.path.startsWith("news/"));
  if (!first) throw new Error("the corpus has no news items");
  return {
    dir,
    news,
    abstracts,
    bytes,
    words: distinctWords(files.map((file) => file.text)).size,
    sample: { file: path.join(dir, first.path), url: `/${first.path.replace(/\.md$/, "")}/` },
  };
}

export interface PhaseLine {
  name: string;
  detail: string;
  ms: number;
  /** When it started, after the build did: phases that overlapped show here. */
  start?: number;
}

export interface BuildOutputSummary {
  phases: PhaseLine[];
  /** Pagefind's own time adding pages and writing the index, and the words it indexed, from the search phase's line. */
  pagefind?: { addMs: number; writeMs: number; words?: number };
  pages?: number;
  /** The build's own total ("built … in 14.5 s"), without npm's and tsx's start-up. */
  totalMs?: number;
}

/** Reads back the build's `formatMs`: "145 ms", "2.78 s". */
export function parseDuration(text: string): number {
  const match = /^([\d.]+) (ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${JSON.stringify(text)}`);
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

/** The phase lines and the closing "built" line of `npm run build`. */
export function parseBuildOutput(output: string): BuildOutputSummary {
  const summary: BuildOutputSummary = { phases: [] };
  for (const line of output.split("\n")) {
    const built = /^built (\d+) pages .* in ([\d.]+ m?s)$/.exec(line);
    if (built) {
      summary.pages = Number(built[1]);
      summary.totalMs = parseDuration(built[2] ?? "");
      continue;
    }
    const phase = /^([a-z][a-z-]*) +(.+?)(?: +at ([\d.]+ m?s))? +([\d.]+ m?s)$/.exec(line);
    if (!phase) continue;
    const [, name = "", detail = "", start, duration = ""] = phase;
    const at = start ? { start: parseDuration(start) } : {};
    summary.phases.push({ name, detail, ms: parseDuration(duration), ...at });
    const pagefind = /\(add ([\d.]+ m?s), write ([\d.]+ m?s)\)/.exec(detail);
    if (name === "search" && pagefind) {
      const words = /, (\d+) words,/.exec(detail)?.[1];
      summary.pagefind = {
        addMs: parseDuration(pagefind[1] ?? ""),
        writeMs: parseDuration(pagefind[2] ?? ""),
        ...(words ? { words: Number(words) } : {}),
      };
    }
  }
  return summary;
}

export interface FolderSize {
  bytes: number;
  files: number;
}

export function folderSize(dir: string, include: (file: string) => boolean = () => true): FolderSize {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !include(entry.name)) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export interface BuildRun extends BuildOutputSummary {
  /** The machine's 1-minute load average as the build started: other work on the machine shows here. */
  loadAverage: number;
  /** From starting `npm run build` to its exit: what the person running it waits. */
  wallMs: number;
  memory: MemoryPeak;
  output: FolderSize;
  /** Everything under pagefind/ (index data, Pagefind's scripts, wasm and UIs). */
  searchBundle: FolderSize;
  /** Index data only: chunks, fragments, filters, metadata. */
  searchIndex: FolderSize;
}

export class BuildAborted extends Error {}

/**
 * One full build into a fresh `outDir`. A build whose process tree passes `maxRssBytes` is stopped
 * (so that a 100k run cannot take the machine down) and reported as an error.
 */
export async function runBuild(contentDir: string, outDir: string, maxRssBytes: number): Promise<BuildRun> {
  rmSync(outDir, { recursive: true, force: true });
  const loadAverage = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawnNpmGroup("build", ["--content", contentDir, "--out", outDir]);
  const { pid } = child;
  let overLimit = 0;
  const sampler = sampleTreeMemory(pid, (treeBytes) => {
    if (treeBytes <= maxRssBytes || overLimit) return;
    overLimit = treeBytes;
    stopGroup(pid, "SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wallMs = performance.now() - started;
  const memory = sampler.stop();
  startedGroups.delete(pid);
  if (overLimit) {
    throw new BuildAborted(
      `stopped: the build's processes held ${(overLimit / 1e9).toFixed(1)} GB, over the --max-rss limit`,
    );
  }
  if (code !== 0) throw new Error(`npm run build exited with ${code}:\n${lastLines(stdout + stderr, 30)}`);
  const bundle = path.join(outDir, bundleFolder);
  return {
    ...parseBuildOutput(stdout),
    loadAverage,
    wallMs,
    memory,
    output: folderSize(outDir),
    searchBundle: folderSize(bundle),
    searchIndex: folderSize(bundle, isIndexData),
  };
}

/** The end of a process's output, each line cut at 300 characters, for error messages. */
export function lastLines(text: string, count: number): string {
  return text
    .trimEnd()
    .split("\n")
    .slice(-count)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join("\n");
}
