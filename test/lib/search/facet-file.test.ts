/**
 * The facet file's encoder and decoder (src/assets/shared/pagefind-internals.ts) against each other, and its
 * check before it is written: a file the search page cannot read is never published.
 */
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { facetFileProblem } from "../../../scripts/lib/search/pagefind-files.ts";
import {
  encodeFacetFile,
  facetFileSignature,
  readFacetFile,
  type FilterPages,
} from "../../../src/assets/shared/pagefind-internals.ts";

const facetFile = (pageCount: number, filters: FilterPages[]) =>
  gzipSync(Buffer.concat([Buffer.from(facetFileSignature), encodeFacetFile(pageCount, filters)]));

test("a sound facet file reads back as it was made", async () => {
  const filters: FilterPages[] = [
    {
      name: "topic",
      values: [
        ["training", [0, 2, 300]],
        ["cybercrime", [1]],
      ],
    },
  ];
  assert.is(await facetFileProblem(facetFile(301, filters), 301, filters), undefined);
});

test("decoding an encoded facet file gives back the same filters, values and pages", () => {
  const filters: FilterPages[] = [
    {
      name: "topic",
      values: [
        ["training", [0, 1, 127, 128, 300, 70_000]],
        ["Ünïcode <b>", [5]],
        ["none", []],
      ],
    },
    { name: "year", values: [["2023", [69_999]]] },
  ];
  assert.equal(readFacetFile(encodeFacetFile(70_001, filters), 70_001), filters);
  assert.equal(readFacetFile(encodeFacetFile(0, []), 0), []);
});

test("the encoder writes the documented CBOR, byte for byte", () => {
  assert.equal(
    [...encodeFacetFile(3, [{ name: "y", values: [["a", [0, 2]]] }])],
    [0x82, 0x03, 0x81, 0x82, 0x61, 0x79, 0x81, 0x82, 0x61, 0x61, 0x42, 0x00, 0x01],
  );
});

test("a page listed twice for one value (a negative gap) is caught", async () => {
  const filters: FilterPages[] = [{ name: "topic", values: [["training", [3, 3, 4]]] }];
  assert.is(await facetFileProblem(facetFile(5, filters), 5, filters), "facet file: page number out of range");
});

test("a file made for another index, or damaged, is caught", async () => {
  const filters: FilterPages[] = [{ name: "topic", values: [["training", [0]]] }];
  assert.is(await facetFileProblem(facetFile(2, filters), 3, filters), "facet file: not for this index");
  assert.is(await facetFileProblem(Buffer.from("not gzip"), 2, filters), "Error: incorrect header check");
});

test.run();
