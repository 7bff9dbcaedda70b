/**
 * The edit loop of `npm start`: with the preview server running on a corpus, one article's body is
 * edited (a unique word appended) and the bench measures how long until the served page shows the
 * word, and until the search page finds it; then, once the preview's background pass is done, the
 * next edit. The file is restored afterwards.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { Browser } from "playwright-core";
import { bundleFolder, indexEntryFile } from "../../src/assets/shared/pagefind-internals.ts";
import { lastLines, parseBuildOutput, type PhaseLine } from "./builds.ts";
import { median } from "./median.ts";
import { sampleTreeMemory, spawnNpmGroup, startedGroups, stopGroup, type MemoryPeak } from "./process-tree.ts";

export interface DevLoopEdit {
  /** Saving the edit until the served page contains the new word. */
  pageMs: number;
  /** Saving the edit until /search/?q=<word> lists the article. */
  searchMs: number;
  /** Saving the edit until the background pass published the whole preview (lists, feeds, other pages). */
  siteMs: number;
  /**
   * The preview session's line for the edit's own page:
   * "updated /news/… in 412 ms (validate …, media …, render …); …".
   */
  sessionLine?: string;
  /** The background pass's line once Pagefind's new index is swapped in: "search index updated in 6.1 s; …". */
  searchLine?: string;
}

export interface DevLoopResult {
  articleUrl: string;
  /** `npm start` until it serves the article: the first preview build and the server's start. */
  startupMs: number;
  /** Medians over the edits. */
  pageMs: number;
  searchMs: number;
  siteMs: number;
  edits: DevLoopEdit[];
  /** The phases of the background pass (the whole preview build) of the last edit, as `npm start` printed them. */
  rebuildPhases: PhaseLine[];
  /** The `npm start` process tree, over start-up and the edit. */
  memory: MemoryPeak;
}

export interface DevLoopOptions {
  contentDir: string;
  /** The Markdown file to edit, and the URL of its page. */
  articleFile: string;
  articleUrl: string;
  browser: Browser;
  log: (line: string) => void;
  timeoutMs?: number;
  /** Edits to measure, one after the other in the same `npm start` (default 1). */
  edits?: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns true; the ms it took, or an error after `timeoutMs`. */
async function timeUntil(
  what: string,
  check: () => Promise<boolean>,
  since: number,
  timeoutMs: number,
  everyMs = 50,
): Promise<number> {
  for (;;) {
    if (await check().catch(() => false)) return performance.now() - since;
    if (performance.now() - since > timeoutMs)
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await pause(everyMs);
  }
}

/** Letters only, so that Pagefind indexes it as one word: "benchqzkfmxwa". */
function uniqueWord(): string {
  let word = "bench";
  for (let i = 0; i < 8; i++) word += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return word;
}

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoopResult> {
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNpmGroup("start", ["--content", options.contentDir, "--port", String(port), "--editor-port", "0"]);
  const { pid } = child;
  const sampler = sampleTreeMemory(pid);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.on("close", () => (exited = true));

  const original = readFileSync(options.articleFile, "utf8");
  const page = `${base}${options.articleUrl}`;
  const pageHas = async (text?: string) => {
    if (exited) throw new Error(`npm start exited:\n${lastLines(output, 30)}`);
    const response = await fetch(page);
    return response.ok && (text === undefined || (await response.text()).includes(text));
  };
  const entry = async () => (await fetch(`${base}/${bundleFolder}/${indexEntryFile}`)).text();
  const searchFinds = async (word: string) => {
    const context = await options.browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${base}/search/?q=${word}`);
      await tab.waitForFunction(
        () => document.querySelector("#search-results")?.getAttribute("aria-busy") === "false",
        null,
        { timeout: 10_000 },
      );
      return (await tab.locator(`#search-results a[href^="${options.articleUrl}"]`).count()) > 0;
    } finally {
      await context.close();
    }
  };
  try {
    const startupMs = await timeUntil("npm start to serve the article", () => pageHas(), started, timeoutMs, 250);
    options.log(`  npm start served ${options.articleUrl} after ${(startupMs / 1000).toFixed(1)} s`);
    // Let the file watchers settle before the edit.
    await pause(1000);

    const edits: DevLoopEdit[] = [];
    let beforeEdit = output.length;
    for (let edit = 1; edit <= (options.edits ?? 1); edit++) {
      const word = uniqueWord();
      beforeEdit = output.length;
      const indexBefore = await entry();
      appendFileSync(options.articleFile, `\nA benchmark edit: ${word}.\n`);
      const saved = performance.now();
      const pageMs = await timeUntil("the edited page to be served", () => pageHas(word), saved, timeoutMs);
      options.log(`  edit ${edit}: page served after ${(pageMs / 1000).toFixed(2)} s`);
      // Chromium is asked only once a new index is served: a query every 200 ms from the save on
      // (a fresh context loading Pagefind's wasm and index each time) slowed the background pass
      // it waits for by half on the 2-core machine.
      await timeUntil("a new search index", async () => (await entry()) !== indexBefore, saved, timeoutMs);
      const searchMs = await timeUntil("search to find the edit", () => searchFinds(word), saved, timeoutMs, 200);
      options.log(`  edit ${edit}: search found it after ${(searchMs / 1000).toFixed(2)} s`);
      // The background pass prints its last line once the whole preview is published.
      const siteMs = await timeUntil(
        "the background pass",
        async () => /^background pass (done|failed)/m.test(output.slice(beforeEdit)),
        saved,
        timeoutMs,
        100,
      );
      options.log(`  edit ${edit}: the whole preview (lists, feeds) up to date after ${(siteMs / 1000).toFixed(2)} s`);
      const sessionLine = /^(?:updated|removed) .* in [\d.]+ m?s .*$/m.exec(output.slice(beforeEdit))?.[0];
      const searchLine = /^search index updated in .*$/m.exec(output.slice(beforeEdit))?.[0];
      for (const line of [sessionLine, searchLine]) if (line) options.log(`    ${line}`);
      edits.push({
        pageMs,
        searchMs,
        siteMs,
        ...(sessionLine ? { sessionLine } : {}),
        ...(searchLine ? { searchLine } : {}),
      });
    }
    return {
      articleUrl: options.articleUrl,
      startupMs,
      pageMs: median(edits.map((edit) => edit.pageMs)),
      searchMs: median(edits.map((edit) => edit.searchMs)),
      siteMs: median(edits.map((edit) => edit.siteMs)),
      edits,
      rebuildPhases: parseBuildOutput(output.slice(beforeEdit)).phases,
      memory: sampler.stop(),
    };
  } finally {
    sampler.stop();
    if (!exited) {
      stopGroup(pid);
      await Promise.race([new Promise((resolve) => child.once("close", resolve)), pause(5000)]);
      if (!exited) stopGroup(pid, "SIGKILL");
    }
    startedGroups.delete(pid);
    // Restored after the server stopped, so that it does not rebuild once more.
    writeFileSync(options.articleFile, original);
  }
}
