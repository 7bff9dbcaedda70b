/** The facet file is read back before it is written: a file the search page cannot read is never published. */
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeFacetFile } from "../../../scripts/lib/search/facet-file.ts";
import { facetFileProblem } from "../../../scripts/lib/search/pagefind-files.ts";
import { facetFileSignature, type FilterPages } from "../../../src/assets/shared/facet-index.ts";

const facetFile = (pageCount: number, filters: FilterPages[]) => gzipSync(Buffer.concat([Buffer.from(facetFileSignature), encodeFacetFile(pageCount, filters)]));

test("a sound facet file reads back as it was made", async () => {
  const filters: FilterPages[] = [{ name: "topic", values: [["training", [0, 2, 300]], ["cybercrime", [1]]] }];
  assert.is(await facetFileProblem(facetFile(301, filters), 301, filters), undefined);
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
