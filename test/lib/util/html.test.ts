/** HTML helpers (scripts/lib/util/html.ts): escaping, and the one HTML-to-text of search, suggestions and the WACZ. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml, htmlText } from "../../../scripts/lib/util/html.ts";

test("an article's text: entities decoded, blocks apart, inline elements joined", () => {
  assert.is(
    htmlText("<h2>Title</h2><p>One <em>t</em>wo &amp; three</p><ul><li>a</li><li>b</li></ul>"),
    "Title One two & three a b",
  );
  assert.is(
    htmlText("<p>&lt;script&gt; stays text</p>\n\n<pre><code>x = 1\ny</code></pre>"),
    "<script> stays text x = 1 y",
  );
  assert.is(htmlText(""), "");
});

test("the suggestions' words: a word split by inline markup stays one word, any entity is read", () => {
  assert.is(
    htmlText('<p><a href="/x/">IAP</a>’s <strong>coop</strong>eration&hellip;&nbsp;now</p>'),
    "IAP’s cooperation… now",
  );
});

test("text made safe for HTML", () => {
  assert.is(escapeHtml(`<img onerror="x"> & co`), "&lt;img onerror=&quot;x&quot;&gt; &amp; co");
});

test.run();
