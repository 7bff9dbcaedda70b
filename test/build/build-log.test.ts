/**
 * `npm run build` prints its phase table, with when each phase started, and nothing from Eleventy
 * in between. On this 1,000-item corpus Eleventy's "search-source" transform takes about 12 % of
 * the render, over the 8 % at which
 * Eleventy prints "[11ty] Benchmark …" unless quiet; its quietMode missed the benchmarks made with
 * its configuration (scripts/lib/phases/render.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseBuildOutput } from "../../scripts/bench/builds.ts";
import { generateCorpus, writeCorpus } from "../../scripts/bench/corpus.ts";
import { repoRoot, tempDir } from "../support/site.ts";

const content = tempDir("content-");
writeCorpus(content, generateCorpus({ news: 800, abstracts: 200, seed: 1 }));

const run = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", path.join(tempDir("site-"), "_site")],
  { cwd: repoRoot, encoding: "utf8" },
);
const lines = `${run.stdout}${run.stderr}`.trim().split("\n");

test("npm run build on 1,000 items prints one line per phase and its summary, no [11ty] line", () => {
  assert.is(run.status, 0, run.stderr);
  assert.equal(
    lines.filter((line) => line.includes("[11ty]")),
    [],
  );
  assert.equal(
    lines.map((line) => line.split(/\s+/)[0]),
    ["validate", "media", "render", "search", "feeds", "read", "offline", "check", "publish", "built"],
  );
});

test("the feeds and the check's reading run while Pagefind writes its index, and the table shows it", () => {
  const phases = new Map(parseBuildOutput(lines.join("\n")).phases.map((phase) => [phase.name, phase]));
  const span = (name: string) => {
    const phase = phases.get(name);
    assert.ok(phase?.start !== undefined, `${name} has no start`);
    return { start: phase.start, end: phase.start + phase.ms };
  };
  const [render, search, feeds, read, offline] = ["render", "search", "feeds", "read", "offline"].map(span);
  assert.ok(render && search && feeds && read && offline);
  // Printed to the millisecond or the hundredth of a second: compared with that much slack.
  const slack = 10;
  assert.ok(search.start >= render.end - slack, "search starts after render");
  assert.ok(feeds.start > search.start && feeds.start < search.end, "feeds start while Pagefind runs");
  assert.ok(read.start >= feeds.end - slack, "the reading follows the feeds on the build's thread");
  assert.ok(offline.start >= Math.max(search.end, read.end) - slack, "offline waits for the index");
});

test.run();
