import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseBuildOutput, parseDuration } from "../../../scripts/bench/builds.ts";

test("parseDuration reads the build's milliseconds and seconds", () => {
  assert.is(parseDuration("145 ms"), 145);
  assert.is(parseDuration("2.78 s"), 2780);
  assert.throws(() => parseDuration("2.78"), /not a duration/);
});

test("parseBuildOutput reads the phase lines and the total of the README's example", () => {
  const output = [
    "validate  2 files: 1 news, 1 abstract                                   21 ms",
    "render    2 articles with Eleventy, search.js 10 kB                    222 ms",
    "feeds     6 files: Atom and JSON feeds, sitemap.xml, robots.txt          3 ms",
    "search    2 pages, 143 words, 7 kB of index (add 6 ms, write 9 ms)      28 ms",
    "check     30 pages, 537 internal links                                  25 ms",
    "publish   60 files to _site                                             16 ms",
    "built 30 pages (1 news, 1 abstract) in 1.32 s",
  ].join("\n");
  const summary = parseBuildOutput(output);
  assert.equal(
    summary.phases.map((phase) => [phase.name, phase.ms]),
    [
      ["validate", 21],
      ["render", 222],
      ["feeds", 3],
      ["search", 28],
      ["check", 25],
      ["publish", 16],
    ],
  );
  assert.is(summary.phases[3]?.detail, "2 pages, 143 words, 7 kB of index (add 6 ms, write 9 ms)");
  assert.equal(summary.pagefind, { addMs: 6, writeMs: 9, words: 143 });
  assert.is(summary.pages, 30);
  assert.is(summary.totalMs, 1320);
});

test("parseBuildOutput reads when each phase started, where the line gives it", () => {
  const output = [
    "render    2 articles with Eleventy, search.js 33 kB                  at 1.02 s   267 ms",
    "search    2 pages, 480 words, 11 kB of index (add 46 ms, write 763 ms)   at 1.29 s   814 ms",
    "feeds     7 files: feeds, sitemap.xml, robots.txt, _headers           at 1.35 s     7 ms",
    "bag       103 files, 2.1 MB in data/, sha256 and sha512 manifests                  40 ms",
  ].join("\n");
  assert.equal(
    parseBuildOutput(output).phases.map((phase) => [phase.name, phase.start, phase.ms]),
    [
      ["render", 1020, 267],
      ["search", 1290, 814],
      ["feeds", 1350, 7],
      ["bag", undefined, 40],
    ],
  );
});

test("parseBuildOutput ignores npm's header and other lines", () => {
  const summary = parseBuildOutput("\n> iap-news-archive@0.1.0 build\n> tsx scripts/build.ts\n\nrebuilding…\n");
  assert.equal(summary, { phases: [] });
});

test.run();
