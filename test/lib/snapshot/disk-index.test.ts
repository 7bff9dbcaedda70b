/** The index a snapshot searches from disk (scripts/lib/snapshot/disk-index.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { diskIndexScript, htmlText } from "../../../scripts/lib/snapshot/disk-index.ts";

test("an article's text: entities decoded, blocks apart, inline elements joined", () => {
  assert.is(htmlText("<h2>Title</h2><p>One <em>t</em>wo &amp; three</p><ul><li>a</li><li>b</li></ul>"), "Title One two & three a b");
  assert.is(htmlText("<p>&lt;script&gt; stays text</p>\n\n<pre><code>x = 1\ny</code></pre>"), "<script> stays text x = 1 y");
  assert.is(htmlText(""), "");
});

test("search-index.js is one assignment of the index, as JSON", () => {
  assert.is(diskIndexScript({ version: 1, pages: [] }), 'window.archiveSearchIndex = {"version":1,"pages":[]};\n');
});

test.run();
