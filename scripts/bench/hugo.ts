/**
 * The peer the build is measured against: Hugo (Debian's `hugo`, `apt-get install -y hugo`) with a
 * minimal layout, then Pagefind's command line over its output, on the same corpus files. Each
 * article's body is marked `data-pagefind-body`, as ours is, and the lists are paginated by 20.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pagefindBinary } from "../lib/search/pagefind.ts";
import { sampleTreeMemory, startedGroups } from "./process-tree.ts";

/** A peer's build: its site generator, then Pagefind's command line over the output. */
export interface PeerRun {
  /** The site generator's time (Hugo, or the plain Eleventy). */
  siteMs: number;
  pagefindMs: number;
  totalMs: number;
  /** Pagefind's "Indexed N pages" and "Indexed N words". */
  pages: number;
  words: number;
  /** Peak resident memory of the larger of the two processes. */
  peakBytes: number;
  /** The machine's 1-minute load average as the peer started. */
  loadAverage: number;
}

const layouts: Record<string, string> = {
  "_default/baseof.html": [
    "<!doctype html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      "<title>{{ .Title }}</title></head>",
    '<body><header><a href="{{ "/" | relURL }}">Archive</a></header>{{ block "main" . }}{{ end }}</body>',
    "</html>",
    "",
  ].join("\n"),
  "_default/single.html":
    '{{ define "main" }}<main><article data-pagefind-body><h1>{{ .Title }}</h1>' +
    '<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>' +
    "{{ .Content }}</article></main>{{ end }}\n",
  "_default/list.html":
    '{{ define "main" }}<main><h1>{{ .Title }}</h1><ul>' +
    '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>' +
    '{{ with .Paginator.Next }}<a href="{{ .URL }}">Next</a>{{ end }}</main>{{ end }}\n',
};

/** Writes the Hugo site (config and layouts) into `workDir`, reading its content from `contentDir`. */
export function writeHugoSite(contentDir: string, workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(layouts)) {
    mkdirSync(path.dirname(path.join(workDir, "layouts", file)), { recursive: true });
    writeFileSync(path.join(workDir, "layouts", file), text);
  }
  writeFileSync(
    path.join(workDir, "config.toml"),
    [
      `baseURL = "http://localhost/"`,
      `contentDir = ${JSON.stringify(path.resolve(contentDir))}`,
      `disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]`,
      `paginate = 20`,
      `languageCode = "en"`,
      "",
    ].join("\n"),
  );
}

/** Runs a command in its own process group, timed, with the peak memory of its process tree. */
export function runMeasured(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ ms: number; output: string; peakBytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid === undefined) return reject(new Error(`${command} did not start`));
    startedGroups.add(child.pid);
    const sampler = sampleTreeMemory(child.pid);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const peakBytes = sampler.stop().treeBytes;
      if (child.pid !== undefined) startedGroups.delete(child.pid);
      if (code === 0) resolve({ ms: performance.now() - started, output, peakBytes });
      else reject(new Error(`${command} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/** One Hugo + Pagefind build of the site `writeHugoSite` wrote, into `workDir/public`. */
export async function runHugoPagefind(workDir: string): Promise<PeerRun> {
  const publicDir = path.join(workDir, "public");
  rmSync(publicDir, { recursive: true, force: true });
  const loadAverage = os.loadavg()[0] ?? 0;
  const hugo = await runMeasured("hugo", ["--quiet", "--destination", publicDir], workDir);
  const pagefind = await runMeasured(pagefindBinary(), ["--site", publicDir], workDir);
  return {
    siteMs: hugo.ms,
    pagefindMs: pagefind.ms,
    totalMs: hugo.ms + pagefind.ms,
    ...pagefindCounts(pagefind.output),
    peakBytes: Math.max(hugo.peakBytes, pagefind.peakBytes),
    loadAverage,
  };
}

/** Pagefind's command line's "Indexed N pages" and "Indexed N words". */
export function pagefindCounts(output: string): { pages: number; words: number } {
  const count = (what: string) =>
    Number(new RegExp(`Indexed ([\\d,]+) ${what}`).exec(output)?.[1]?.replace(/,/g, "") ?? Number.NaN);
  return { pages: count("pages?"), words: count("words?") };
}
