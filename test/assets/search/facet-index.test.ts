/**
 * The facet index (src/assets/search/facet-index.ts) reads Pagefind's own files, whose format is
 * Pagefind's internal one: an index written here by Pagefind's Node API is read back, and every
 * page's filters must equal what its fragment (JSON, Pagefind's per-page data) says. A Pagefind
 * upgrade that changes the files fails here, not silently in the browser. The facet file the build
 * writes from them (scripts/lib/search/pagefind-files.ts) must give the page exactly the same filters.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefindNode from "pagefind";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFacetFiles } from "../../../scripts/lib/search/pagefind-files.ts";
import { FacetedPagefind, FacetIndex } from "../../../src/assets/search/facet-index.ts";
import {
  decodeCbor,
  encodeFacetFile,
  facetFilePath,
  facetFileSignature,
  FacetIndexError,
  inflate,
  readFacetFile,
  readFilter,
  readMeta,
} from "../../../src/assets/shared/pagefind-internals.ts";
import type {
  FilterCounts,
  Pagefind,
  SearchHit,
  SearchOptions,
  SearchResponse,
} from "../../../src/assets/search/pagefind.ts";

const topics = ["Training", "Cybercrime", "Corruption", "Terrorism"];
const speakers = ["Ana Example", "Bo Sample", "Chiara Núñez", "Dario <Test>"];

/** 40 pages: news with zero to two topics, abstracts with one to three speakers and a conference. */
const records = Array.from({ length: 40 }, (_, i) => {
  const abstract = i % 4 === 3;
  const year = String(2010 + (i % 7));
  const filters: Record<string, string[]> = { type: [abstract ? "Abstract" : "News"], year: [year] };
  if (abstract) {
    filters.conference = [`IAP ${20 + (i % 3)}th Annual Conference`];
    filters.speaker = speakers.filter((_, s) => (i + s) % 3 === 0 || s === i % 4);
  } else {
    const chosen = topics.filter((_, t) => (i * (t + 1)) % 5 === 0);
    if (chosen.length > 0) filters.topic = chosen.slice(0, 2);
  }
  return {
    url: `/${abstract ? "abstracts" : "news"}/${year}/item-${i}/`,
    content: `Item ${i} about extradition and ${i % 2 ? "cooperation" : "evidence"}.`,
    language: "en",
    meta: { title: `Item ${i}` },
    filters,
    sort: { date: `${year}-0${1 + (i % 9)}-1${i % 10}` },
  };
});

const bundle = mkdtempSync(path.join(tmpdir(), "facet-index-"));
{
  const { index, errors } = await pagefindNode.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  }
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  await pagefindNode.close();
}
const facetFiles = await writeFacetFiles(bundle);

const bytes = (file: string) => new Uint8Array(readFileSync(path.join(bundle, file)));
const metaFile = readdirSync(bundle).find((name) => name.endsWith(".pf_meta"));
if (!metaFile) throw new Error("Pagefind wrote no metadata");
const meta = readMeta(await inflate(bytes(metaFile)));
const filters = await Promise.all(
  [...meta.filterFiles.values()].map(async (hash) =>
    readFilter(await inflate(bytes(`filter/${hash}.pf_filter`)), meta.pages.length),
  ),
);
const facetIndex = new FacetIndex(meta, filters);

/** Each page's filters as its fragment records them. */
const fragments = new Map<string, { url: string; filters: Record<string, string[]> }>();
for (const hash of meta.pages) {
  const json = new TextDecoder().decode(await inflate(bytes(`fragment/${hash}.pf_fragment`)));
  fragments.set(hash, JSON.parse(json) as { url: string; filters: Record<string, string[]> });
}
const hits: SearchHit[] = meta.pages.map((id) => ({
  id,
  data: () => Promise.reject(new Error("not loaded in this test")),
}));

function expected(wanted: Record<string, string[]>): string[] {
  return meta.pages.filter((hash) =>
    Object.entries(wanted).every(([name, values]) =>
      values.some((value) => fragments.get(hash)?.filters[name]?.includes(value)),
    ),
  );
}

function countsOver(pages: readonly string[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const { name, values } of filters) counts[name] = Object.fromEntries(values.map(([value]) => [value, 0]));
  for (const hash of pages) {
    for (const [name, values] of Object.entries(fragments.get(hash)?.filters ?? {})) {
      for (const value of values) (counts[name] ??= {})[value] = (counts[name]?.[value] ?? 0) + 1;
    }
  }
  return counts;
}

test("Pagefind's metadata lists every page and the five filters", () => {
  assert.is(meta.pages.length, records.length);
  assert.equal([...meta.filterFiles.keys()].sort(), ["conference", "speaker", "topic", "type", "year"]);
  assert.equal(new Set(meta.pages).size, records.length);
});

test("totals are every value's pages, as the fragments say", () => {
  assert.equal(facetIndex.totals(), countsOver(meta.pages));
  assert.is(expected({ type: ["News"] }).length, 30);
  assert.is(expected({ type: ["Abstract"] }).length, 10);
  assert.is(facetIndex.totals().speaker?.["Dario <Test>"], expected({ speaker: ["Dario <Test>"] }).length);
});

test("each single value keeps exactly the pages whose fragment has it", () => {
  for (const { name, values } of filters) {
    for (const [value] of values) {
      const response = facetIndex.apply(hits, { [name]: { any: [value] } });
      assert.equal(
        response.results.map((hit) => hit.id),
        expected({ [name]: [value] }),
        `${name}: ${value}`,
      );
    }
  }
});

test("values of one filter combine with OR, filters with AND; counts are over the kept results", () => {
  const cases: Record<string, string[]>[] = [
    { topic: ["Training", "Cybercrime"] },
    { topic: ["Training", "Cybercrime"], year: ["2011", "2012", "2013"] },
    { type: ["Abstract"], speaker: ["Ana Example", "Chiara Núñez"] },
    { type: ["News"], topic: ["Corruption"], year: ["2010"] },
  ];
  for (const wanted of cases) {
    const response = facetIndex.apply(
      hits,
      Object.fromEntries(Object.entries(wanted).map(([name, any]) => [name, { any }])),
    );
    const pages = expected(wanted);
    assert.equal(
      response.results.map((hit) => hit.id),
      pages,
      JSON.stringify(wanted),
    );
    assert.equal(response.filters, countsOver(pages), JSON.stringify(wanted));
    assert.is(response.unfilteredResultCount, hits.length);
  }
});

test("the results keep their order; no filters keeps them all; unknown values and filters match nothing", () => {
  const reversed = [...hits].reverse();
  assert.equal(
    facetIndex.apply(reversed, { type: { any: ["News"] } }).results.map((hit) => hit.id),
    expected({ type: ["News"] }).reverse(),
  );
  assert.equal(facetIndex.apply(reversed).results, reversed);
  assert.equal(facetIndex.apply(hits, {}).filters, countsOver(meta.pages));
  assert.equal(facetIndex.apply(hits, { speaker: { any: ["Nobody"] } }).results, []);
  assert.equal(facetIndex.apply(hits, { colour: { any: ["Blue"] } }).results, []);
  assert.equal(facetIndex.apply(hits, { topic: { any: [] } }).results, []);
});

test("the facet file is named after the metadata, and holds exactly Pagefind's filters, values and pages", async () => {
  assert.is(facetFilePath("/pagefind/pagefind.en_a7554727c5.pf_meta"), "filter/en_a7554727c5.v1.facets");
  assert.is(
    facetFilePath("https://example.org/archive/pagefind/pagefind.unknown_0123456789.pf_meta"),
    "filter/unknown_0123456789.v1.facets",
  );
  assert.is(facetFilePath("/pagefind/pagefind.js"), undefined);
  const file = facetFilePath(metaFile);
  assert.ok(file);
  assert.is(facetFiles.files, 1);
  assert.is(facetFiles.bytes, bytes(file).length);
  const sorted = filters.map(({ name, values }) => ({
    name,
    values: values.map(([value, pages]) => [value, [...pages].sort((a, b) => a - b)]),
  }));
  assert.equal(readFacetFile(await inflate(bytes(file), facetFileSignature), meta.pages.length), sorted);
  const fromFile = new FacetIndex(
    meta,
    readFacetFile(await inflate(bytes(file), facetFileSignature), meta.pages.length),
  );
  assert.equal(fromFile.totals(), facetIndex.totals());
  assert.equal(
    fromFile.apply(hits, { topic: { any: ["Training", "Cybercrime"] }, year: { any: ["2011", "2012"] } }).results,
    expected({ topic: ["Training", "Cybercrime"], year: ["2011", "2012"] }).map((id) =>
      hits.find((hit) => hit.id === id),
    ),
  );
});

test("facet file: gaps of several bytes round-trip; a file for another index or a cut one is a FacetIndexError", () => {
  const pages = [0, 1, 127, 128, 129, 20_000, 70_000, 2_000_000];
  const encoded = encodeFacetFile(2_000_001, [
    {
      name: "year",
      values: [
        ["2023", pages],
        ["Ünïcode <b>", [5]],
      ],
    },
  ]);
  assert.equal(readFacetFile(encoded, 2_000_001), [
    {
      name: "year",
      values: [
        ["2023", pages],
        ["Ünïcode <b>", [5]],
      ],
    },
  ]);
  const isFacetError = (error: unknown) => error instanceof FacetIndexError;
  assert.throws(() => readFacetFile(encoded, 40), isFacetError);
  const beyond = encodeFacetFile(40, [{ name: "year", values: [["2023", [39, 40]]] }]);
  assert.throws(() => readFacetFile(beyond, 40), isFacetError);
  // [40, [["year", [["2023", h'80']]]]]: a gap whose last byte is missing.
  const cut = new Uint8Array([
    0x82, 0x18, 40, 0x81, 0x82, 0x64, 0x79, 0x65, 0x61, 0x72, 0x81, 0x82, 0x64, 0x32, 0x30, 0x32, 0x33, 0x41, 0x80,
  ]);
  assert.throws(() => readFacetFile(cut, 40), isFacetError);
});

test("anything unexpected is a FacetIndexError, which makes the page fall back to Pagefind's own filters", async () => {
  const isFacetError = (error: unknown) => error instanceof FacetIndexError;
  await inflate(new TextEncoder().encode("not gzip at all")).then(
    () => assert.unreachable("inflated garbage"),
    (error: unknown) => assert.ok(error instanceof Error),
  );
  assert.throws(() => decodeCbor(new Uint8Array([0x83, 0x01])), isFacetError);
  assert.throws(() => decodeCbor(new Uint8Array([0x01, 0x02])), isFacetError);
  assert.throws(() => readMeta(new Uint8Array([0x01])), isFacetError);
  assert.throws(
    () => readFilter(new Uint8Array([0x82, 0x61, 0x74, 0x81, 0x82, 0x61, 0x41, 0x81, 0x18, 0x63]), 40),
    isFacetError,
  );
});

test("story filter: each value counts a story once, the story filter counts pages, results carry their story", () => {
  // Pages 0 and 1 are one story in English and Spanish, 2 and 3 another; 4 has no translation.
  const storyMeta = {
    pages: ["p0", "p1", "p2", "p3", "p4"],
    filterFiles: new Map([
      ["type", "t"],
      ["lang", "l"],
      ["story", "s"],
    ]),
  };
  const index = new FacetIndex(storyMeta, [
    { name: "type", values: [["News", [0, 1, 2, 3, 4]]] },
    {
      name: "lang",
      values: [
        ["English", [0, 2, 4]],
        ["Español", [1, 3]],
      ],
    },
    {
      name: "story",
      values: [
        ["/news/mou/", [0, 1]],
        ["/news/visit/", [2, 3]],
      ],
    },
  ]);
  const storyHits: SearchHit[] = storyMeta.pages.map((id) => ({
    id,
    data: () => Promise.reject(new Error("not loaded in this test")),
  }));
  assert.equal(index.totals(), {
    type: { News: 3 },
    lang: { English: 3, Español: 2 },
    story: { "/news/mou/": 2, "/news/visit/": 2 },
  });
  const found = index.apply([storyHits[1], storyHits[0], storyHits[4]].filter((hit) => hit !== undefined));
  assert.equal(found.filters, {
    type: { News: 2 },
    lang: { English: 2, Español: 1 },
    story: { "/news/mou/": 2, "/news/visit/": 0 },
  });
  assert.equal(
    found.results.map((hit) => [hit.id, hit.story]),
    [
      ["p1", "/news/mou/"],
      ["p0", "/news/mou/"],
      ["p4", undefined],
    ],
  );
  const spanish = index.apply(storyHits, { lang: { any: ["Español"] } });
  assert.equal(
    spanish.results.map((hit) => hit.id),
    ["p1", "p3"],
  );
  assert.equal(spanish.filters.type, { News: 2 });
});

/** A stand-in for Pagefind: every page matches, in page order; it counts nothing unless its filters were loaded. */
function fakePagefind(): Pagefind & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    preload: () => Promise.resolve(),
    filters: () => {
      calls.push("filters");
      return Promise.resolve(countsOver(meta.pages));
    },
    search: (term: string | null, options: SearchOptions = {}): Promise<SearchResponse> => {
      calls.push(`search ${String(term)} ${JSON.stringify(options)}`);
      return Promise.resolve({ results: hits, filters: {}, unfilteredResultCount: hits.length });
    },
  };
}

/** Serves the index's files to `fetch` as a web server would (http://archive.test/pagefind/…); records requests. */
async function withServedBundle<T>(
  run: () => Promise<T>,
  missing: readonly string[] = [],
): Promise<{ result: T; fetched: string[] }> {
  const original = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const file = url.pathname.replace(/^\/pagefind\//, "");
    fetched.push(file);
    if (missing.includes(file)) return Promise.resolve(new Response("Not found", { status: 404 }));
    return Promise.resolve(new Response(readFileSync(path.join(bundle, file))));
  };
  try {
    return { result: await run(), fetched };
  } finally {
    globalThis.fetch = original;
  }
}

const seenMeta = { url: `http://archive.test/pagefind/${metaFile}`, bytes: bytes(metaFile) };

test("FacetedPagefind: unfiltered results at once, counts once filters() loaded, one search per query", async () => {
  const pagefind = fakePagefind();
  const faceted = new FacetedPagefind(pagefind, Promise.resolve(seenMeta), "http://archive.test/pagefind/");
  const first = await faceted.search("extradition", { sort: {} });
  assert.is(first.results.length, hits.length);
  assert.equal(first.filters, {});
  const loaded = await withServedBundle(() => faceted.filters());
  assert.equal(loaded.result, facetIndex.totals());
  // One download: the facet file, not Pagefind's five filter files.
  assert.equal(loaded.fetched, [facetFilePath(metaFile)]);

  const news = await faceted.search("extradition", { filters: { type: { any: ["News"] } }, sort: {} });
  assert.equal(
    news.results.map((hit) => hit.id),
    expected({ type: ["News"] }),
  );
  assert.equal(news.filters, countsOver(expected({ type: ["News"] })));
  const all = await faceted.search("extradition", { filters: {}, sort: {} });
  assert.equal(all.filters, countsOver(meta.pages));
  await faceted.search("extradition", { sort: { date: "desc" } });
  // Pagefind itself never received a filter, and searched once per words and sort.
  assert.equal(pagefind.calls, [`search extradition {"sort":{}}`, `search extradition {"sort":{"date":"desc"}}`]);
});

test("FacetedPagefind falls back to Pagefind's filtering when the facet file was not written", async () => {
  const pagefind = fakePagefind();
  const faceted = new FacetedPagefind(pagefind, Promise.resolve(seenMeta), "http://archive.test/pagefind/");
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    const { result } = await withServedBundle(() => faceted.filters(), [facetFilePath(metaFile) ?? ""]);
    assert.equal(result, countsOver(meta.pages));
  } finally {
    console.warn = warn;
  }
  assert.equal(pagefind.calls, ["filters"]);
  assert.equal(warnings, [
    ["Facets fall back to Pagefind's own filtering:", `${facetFilePath(metaFile)} was not written`],
  ]);
});

test("FacetedPagefind falls back to Pagefind's filtering when the metadata was not seen", async () => {
  const pagefind = fakePagefind();
  const faceted = new FacetedPagefind(pagefind, Promise.resolve(undefined), "http://localhost/pagefind/");
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    assert.equal(await faceted.filters(), countsOver(meta.pages));
    await faceted.search("extradition", { filters: { type: { any: ["News"] } }, sort: {} });
  } finally {
    console.warn = warn;
  }
  assert.equal(pagefind.calls, ["filters", `search extradition {"filters":{"type":{"any":["News"]}},"sort":{}}`]);
  assert.is(warnings.length, 1);
});

test.run();
