/** The guard on Pagefind's private files (scripts/lib/search/pagefind-files.ts): which Pagefind, its entry file. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { installedPagefindVersion, pretendedPagefindVersion } from "../../../scripts/lib/search/pagefind-files.ts";
import { indexWasmFiles, untestedPagefind } from "../../../src/assets/shared/pagefind-internals.ts";

test("the installed Pagefind is the one this build was tested with: an upgrade fails here until it is tested", () => {
  assert.is(installedPagefindVersion(), "1.6.0");
  assert.is(untestedPagefind(installedPagefindVersion()), undefined);
});

test("another Pagefind, or one whose version cannot be read, gets the build's warning", () => {
  assert.is(
    untestedPagefind("1.7.0"),
    "Pagefind 1.7.0 is not one this build was tested with (1.6.0): the search page counts facets with Pagefind's " +
      "own filters",
  );
  assert.is(
    untestedPagefind(undefined),
    "Pagefind of an unknown version is not one this build was tested with (1.6.0): the search page counts facets " +
      "with Pagefind's own filters",
  );
});

test("tests can pretend another Pagefind is installed", () => {
  process.env[pretendedPagefindVersion] = "2.0.0";
  try {
    assert.is(installedPagefindVersion(), "2.0.0");
  } finally {
    delete process.env[pretendedPagefindVersion];
  }
  assert.is(installedPagefindVersion(), "1.6.0");
});

test("indexWasmFiles names the wasm of each language in pagefind-entry.json", () => {
  const entry = JSON.stringify({
    version: "1.6.0",
    languages: { en: { hash: "en_1", wasm: "en", page_count: 3 }, pt: { hash: "pt_1", page_count: 1 } },
  });
  assert.equal(indexWasmFiles(entry), ["wasm.en.pagefind", "wasm.unknown.pagefind"]);
});

test.run();
