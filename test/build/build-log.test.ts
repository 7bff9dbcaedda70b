/**
 * `npm run build` prints its phase table and nothing from Eleventy in between. On this 1,000-item
 * corpus Eleventy's "search-source" transform takes about 12 % of the render, over the 8 % at which
 * Eleventy prints "[11ty] Benchmark …" unless quiet; its quietMode missed the benchmarks made with
 * its configuration (scripts/lib/phases/render.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus, writeCorpus } from "../../scripts/bench/corpus.ts";
import { repoRoot, tempDir } from "../support/site.ts";

const content = tempDir("content-");
writeCorpus(content, generateCorpus({ news: 800, abstracts: 200, seed: 1 }));

test("npm run build on 1,000 items prints one line per phase and its summary, no [11ty] line", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/build.ts", "--content", content, "--out", path.join(tempDir("site-"), "_site")],
    { cwd: repoRoot, encoding: "utf8" },
  );
  assert.is(run.status, 0, run.stderr);
  const lines = `${run.stdout}${run.stderr}`.trim().split("\n");
  assert.equal(
    lines.filter((line) => line.includes("[11ty]")),
    [],
  );
  assert.equal(
    lines.map((line) => line.split(/\s+/)[0]),
    ["validate", "media", "render", "feeds", "search", "offline", "check", "publish", "built"],
  );
});

test.run();
