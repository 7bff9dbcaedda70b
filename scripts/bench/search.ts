/**
 * Search as a visitor meets it, in headless Chromium against the built site served gzipped:
 * our search page (/search/?q=…) side by side with Pagefind's default UI over the same index
 * (budgets in docs/benchmarks.md), the weight of a few typical pages, and the spelling suggestion
 * after a misspelt query: the dictionary it downloads and how long it takes after the results (or
 * their absence) are announced.
 *
 * Bytes are the response bodies as the server sent them (gzipped where it gzipped), counted by
 * the server. Chromium's own count (CDP `Network.loadingFinished`, on the page and, tunnelled, on
 * Pagefind's web worker) is kept beside it as a check: it misses the body of the worker's own
 * script, which Chromium fetches outside both targets' Network domains.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { bucketsForQuery } from "../../src/assets/shared/suggest.ts";
import type { StaticServer } from "../lib/util/static-server.ts";
import { searchPageQuery, type BenchQuery } from "./queries.ts";

export type SearchUi = "ours" | "default" | "default-no-debounce";

interface UiSetup {
  path: string;
  /** The first result's link, once a result is shown. */
  resultLink: string;
}

export const searchUis: Record<SearchUi, UiSetup> = {
  ours: { path: "/search/", resultLink: "#search-results a" },
  default: { path: "/bench-default-ui/", resultLink: ".pagefind-ui__result-link" },
  // The default UI waits 300 ms after the last keystroke (debounceTimeoutMs), also for triggerSearch.
  "default-no-debounce": { path: "/bench-default-ui-no-debounce/", resultLink: ".pagefind-ui__result-link" },
};

/**
 * Pagefind's default UI as its documentation sets it up (pagefind.app/docs/ui-usage/), reading the
 * words from `?q=` like our page. Served by the bench's server only; nothing is written to the site.
 */
export function defaultUiPages(): Map<string, string> {
  const page = (options: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search (Pagefind's default UI)</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
</head>
<body>
<main><h1>Search</h1><div id="search"></div></main>
<script>
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search"${options} });
  window.benchUi = ui;
  const params = new URLSearchParams(location.search);
  // The bench's filtered query: the topic's label, as Pagefind indexed it.
  const topic = params.get("topic-label");
  if (topic) ui.triggerFilters({ topic: [topic] });
  const q = params.get("q");
  if (q) ui.triggerSearch(q);
});
</script>
</body>
</html>
`;
  return new Map([
    [searchUis.default.path, page("")],
    [searchUis["default-no-debounce"].path, page(", debounceTimeoutMs: 0")],
  ]);
}

export interface Transfer {
  requests: number;
  /** Response bodies as sent. */
  bytes: number;
}

export interface QueryMeasure extends Transfer {
  /** Cold: from navigation start; warm: from submitting the words. To the first result link shown. */
  ms: number;
  /** Chromium's own count (CDP), for comparison with the server's. */
  browser: Transfer;
}

export interface SearchSample {
  ui: SearchUi;
  term: string;
  warmTerm: string;
  cold: QueryMeasure;
  warm: QueryMeasure;
}

interface BenchWindow {
  benchFirstExpected?: number;
  benchUi?: { triggerSearch(term: string): void };
}

/**
 * Chromium's count of response bytes for a page and its workers. Workers are attached in the
 * old, non-flattened way (messages tunnelled through the page's session) because playwright-core's
 * CDP sessions cannot address flattened child sessions; each worker waits until its Network domain
 * is on, so its first requests are seen.
 */
async function watchTransfers(context: BrowserContext, page: Page): Promise<{ reset(): void; totals(): Transfer }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  let totals: Transfer = { requests: 0, bytes: 0 };
  const headerBytes = new Map<string, number>();
  const onEvent = (where: string, method: string, params: Record<string, unknown>) => {
    const id = `${where}:${String(params.requestId)}`;
    if (method === "Network.responseReceived") {
      const response = params.response as { encodedDataLength?: number } | undefined;
      headerBytes.set(id, response?.encodedDataLength ?? 0);
    } else if (method === "Network.loadingFinished") {
      // encodedDataLength counts headers too: what responseReceived reported is the headers' share.
      totals.requests++;
      totals.bytes += Number(params.encodedDataLength ?? 0) - (headerBytes.get(id) ?? 0);
    }
  };
  cdp.on("Network.responseReceived", (event) => onEvent("page", "Network.responseReceived", { ...event }));
  cdp.on("Network.loadingFinished", (event) => onEvent("page", "Network.loadingFinished", { ...event }));
  let messageId = 1;
  cdp.on("Target.attachedToTarget", (event) => {
    const send = (method: string) =>
      cdp.send("Target.sendMessageToTarget", {
        sessionId: event.sessionId,
        message: JSON.stringify({ id: messageId++, method, params: {} }),
      });
    void send("Network.enable")
      .then(() => send("Runtime.runIfWaitingForDebugger"))
      .catch(() => {});
  });
  cdp.on("Target.receivedMessageFromTarget", (event) => {
    const message = JSON.parse(event.message) as { method?: string; params?: Record<string, unknown> };
    if (message.method && message.params) onEvent(event.sessionId, message.method, message.params);
  });
  await cdp.send("Network.enable");
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    reset: () => {
      totals = { requests: 0, bytes: 0 };
    },
    totals: () => ({ ...totals }),
  };
}

/** Until the server has sent nothing for `quietMs`: the fragments of the rest of the results have arrived. */
export async function waitForQuiet(server: StaticServer, quietMs = 500, maxMs = 15_000): Promise<void> {
  const started = performance.now();
  let last = server.totals().requests;
  let lastChange = performance.now();
  while (performance.now() - lastChange < quietMs && performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = server.totals().requests;
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    }
  }
}

/**
 * In the page: searches for other words and resolves with the ms until a new first result link
 * shows (-1: none in 20 s).
 */
function searchAgain({ ui, selector, term }: { ui: SearchUi; selector: string; term: string }): Promise<number> {
  const before = new Set(document.querySelectorAll(selector));
  const started = performance.now();
  const shown = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      const first = document.querySelector(selector);
      if (first && !before.has(first) && first.checkVisibility()) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(-1);
    }, 20_000);
  });
  if (ui === "ours") {
    const input = document.querySelector<HTMLInputElement>("#search-q");
    const form = document.querySelector<HTMLFormElement>("#search");
    if (!input || !form) throw new Error("search form not found");
    input.value = term;
    form.requestSubmit();
  } else {
    const benchUi = (window as BenchWindow).benchUi;
    if (!benchUi) throw new Error("Pagefind's default UI did not start");
    benchUi.triggerSearch(term);
  }
  return shown;
}

/** A cold query in a fresh browser context (empty cache), then a warm one on the same page. */
export async function measureSearch(
  browser: Browser,
  server: StaticServer,
  ui: SearchUi,
  term: string,
  warmTerm: string,
): Promise<SearchSample> {
  const setup = searchUis[ui];
  // The query alone: our pages register a service worker for offline reading once the first
  // results are shown and the page is idle, and its install downloads the site's shell (what it
  // costs is measured with the page weight). The default UI's page has none.
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addInitScript(recordExpectedResult, { selector: setup.resultLink, expected: [] });
    const page = await context.newPage();
    const chromium = await watchTransfers(context, page);
    server.reset();
    await page.goto(`${server.url}${setup.path}?q=${encodeURIComponent(term)}`);
    await page.waitForFunction(() => (window as BenchWindow).benchFirstExpected !== undefined, null, {
      timeout: 30_000,
    });
    const coldMs = await page.evaluate(() => (window as BenchWindow).benchFirstExpected ?? -1);
    await waitForQuiet(server);
    const cold: QueryMeasure = { ms: coldMs, ...server.totals(), browser: chromium.totals() };

    server.reset();
    chromium.reset();
    const warmMs = await page.evaluate(searchAgain, { ui, selector: setup.resultLink, term: warmTerm });
    if (warmMs < 0) throw new Error(`${ui}: no results shown for "${warmTerm}" within 20 s`);
    await waitForQuiet(server);
    const warm: QueryMeasure = { ms: warmMs, ...server.totals(), browser: chromium.totals() };
    return { ui, term, warmTerm, cold, warm };
  } finally {
    await context.close();
  }
}

export interface PageWeight extends Transfer {
  url: string;
  browser: Transfer;
  /** The same visit with service workers blocked: the page alone, without the worker's install. */
  blocked: Transfer;
}

/**
 * Everything a first visit to `url` downloads, until the network is quiet (the search page loads
 * Pagefind for its facets), with the service worker's install, then the same with service workers blocked.
 */
export async function measurePageWeight(browser: Browser, server: StaticServer, url: string): Promise<PageWeight> {
  const visit = async (serviceWorkers: "allow" | "block") => {
    const context = await browser.newContext({ serviceWorkers });
    try {
      const page = await context.newPage();
      const chromium = await watchTransfers(context, page);
      server.reset();
      await page.goto(`${server.url}${url}`, { waitUntil: "load" });
      await waitForQuiet(server, 1000);
      return { ...server.totals(), browser: chromium.totals() };
    } finally {
      await context.close();
    }
  };
  const first = await visit("allow");
  const { requests, bytes } = await visit("block");
  return { url, ...first, blocked: { requests, bytes } };
}

export interface SuggestionSample {
  query: string;
  /** The files of the dictionary the query downloads, gzipped, and the largest file of all. */
  dictionaryGzipBytes: number;
  largestGzipBytes: number;
  /** Cold page: from the results (or "No results") announced to the suggestion shown; -1 when none showed in 20 s. */
  afterEmptyMs: number;
  suggestion: string;
}

/** In the page, before any script: when the "No results" summary and the suggestion first show. */
function recordSuggestion(): void {
  const observer = new MutationObserver(() => {
    const bench = window as { benchEmpty?: number; benchSuggestion?: number };
    if (
      bench.benchEmpty === undefined &&
      / results? for /i.test(document.querySelector("#search-status")?.textContent ?? "")
    )
      bench.benchEmpty = performance.now();
    const suggestion = document.querySelector<HTMLElement>("#search-suggestion");
    if (suggestion && !suggestion.hidden && suggestion.textContent) {
      bench.benchSuggestion = performance.now();
      // Shown before the results were announced (a query with 1 or 2 results): no wait at all.
      bench.benchEmpty ??= bench.benchSuggestion;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/**
 * A misspelt query on a cold page (fresh context, nothing cached): how long the suggestion takes
 * after the results are announced, and what it downloads.
 */
export async function measureSuggestion(
  browser: Browser,
  server: StaticServer,
  siteDir: string,
  query: string,
): Promise<SuggestionSample> {
  const gzipped = (bucket: string) => {
    const file = path.join(siteDir, "search/words", `${bucket}.txt`);
    return existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
  };
  const dictionaryGzipBytes = bucketsForQuery(query).reduce((sum, bucket) => sum + gzipped(bucket), 0);
  const largestGzipBytes = Math.max(
    0,
    ...readdirSync(path.join(siteDir, "search/words")).map((file) => gzipped(file.replace(/\.txt$/, ""))),
  );
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addInitScript(recordSuggestion);
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    const shown = await page
      .waitForFunction(() => (window as { benchSuggestion?: number }).benchSuggestion !== undefined, null, {
        timeout: 20_000,
      })
      .then(() => true)
      .catch(() => false);
    const times = await page.evaluate(() => {
      const bench = window as { benchEmpty?: number; benchSuggestion?: number };
      return { benchEmpty: bench.benchEmpty, benchSuggestion: bench.benchSuggestion };
    });
    const suggestion = shown ? ((await page.locator("#search-suggestion").textContent()) ?? "") : "";
    const afterEmptyMs =
      shown && times.benchEmpty !== undefined && times.benchSuggestion !== undefined
        ? times.benchSuggestion - times.benchEmpty
        : -1;
    return { query, dictionaryGzipBytes, largestGzipBytes, afterEmptyMs, suggestion };
  } finally {
    await context.close();
  }
}

/** A request of a cold query, in the order they started: what, when (ms since navigation), bytes as received. */
export interface RequestTiming {
  path: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

export interface ColdQuery extends Transfer {
  ui: SearchUi;
  kind: BenchQuery["kind"];
  /** From navigation start to the first expected result shown. */
  ms: number;
  requests: number;
  waterfall: RequestTiming[];
}

/** In the page, before any script: when a result link to one of `expected` (any result, if empty) first shows. */
function recordExpectedResult({ selector, expected }: { selector: string; expected: string[] }): void {
  const wanted = new Set(expected);
  const observer = new MutationObserver(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>(selector)) {
      if ((wanted.size === 0 || wanted.has(new URL(link.href).pathname)) && link.checkVisibility()) {
        (window as BenchWindow).benchFirstExpected = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** One cold query (fresh context, empty cache) on our page or the default UI, with every request it made. */
export async function measureColdQuery(
  browser: Browser,
  server: StaticServer,
  ui: SearchUi,
  query: BenchQuery,
): Promise<ColdQuery> {
  const setup = searchUis[ui];
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addInitScript(recordExpectedResult, { selector: setup.resultLink, expected: query.expected ?? [] });
    const page = await context.newPage();
    const started = new Map<object, number>();
    const waterfall: RequestTiming[] = [];
    let origin = 0;
    page.on("request", (request) => started.set(request, performance.now() - origin));
    page.on("requestfinished", (request) => {
      const endMs = performance.now() - origin;
      void request.sizes().then(
        (sizes) =>
          waterfall.push({
            path: request.url().replace(server.url, ""),
            startMs: started.get(request) ?? 0,
            endMs,
            bytes: sizes.responseBodySize,
          }),
        () => {},
      );
    });
    server.reset();
    const topic: Record<string, string> = query.topic ? { "topic-label": query.topic.label } : {};
    const address =
      ui === "ours" ? searchPageQuery(query) : `?${new URLSearchParams({ q: query.words, ...topic }).toString()}`;
    origin = performance.now();
    await page.goto(`${server.url}${setup.path}${address}`);
    await page.waitForFunction(() => (window as BenchWindow).benchFirstExpected !== undefined, null, {
      timeout: 30_000,
    });
    const ms = await page.evaluate(() => (window as BenchWindow).benchFirstExpected ?? -1);
    await waitForQuiet(server);
    return { ui, kind: query.kind, ms, ...server.totals(), waterfall: waterfall.sort((a, b) => a.startMs - b.startMs) };
  } finally {
    await context.close();
  }
}
