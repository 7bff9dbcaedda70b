/** Reading Pagefind's excerpts as text, and the highlight links (src/assets/search/excerpt.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeTextDirective, excerptParts, highlightUrl, markedWords } from "../../../src/assets/search/excerpt.ts";

test("excerptParts splits on <mark> and undoes only the escapes Pagefind makes", () => {
  assert.equal(excerptParts("the &lt;img src=x onerror=alert(1)&gt; of <mark>Fiscalía</mark> & <mark>São</mark> <mark>Paulo</mark>."), [
    { text: "the <img src=x onerror=alert(1)> of ", marked: false },
    { text: "Fiscalía", marked: true },
    { text: " & ", marked: false },
    { text: "São", marked: true },
    { text: " ", marked: false },
    { text: "Paulo", marked: true },
    { text: ".", marked: false },
  ]);
  // Page text that itself reads "&amp;" stays as written: Pagefind does not escape "&".
  assert.equal(excerptParts("AT&amp;T"), [{ text: "AT&amp;T", marked: false }]);
});

test("markedWords: distinct matched words as written on the page, punctuation stripped", () => {
  assert.equal(markedWords("by <mark>Mahiques,</mark> and <mark>mahiques</mark> with <mark>(AIAMP).</mark>"), ["Mahiques", "AIAMP"]);
  assert.equal(markedWords("nothing matched"), []);
});

test("highlightUrl adds a text fragment per word, encoded for text directives", () => {
  assert.is(highlightUrl("/news/2023/x/", ["Fiscalía", "São Paulo"]), "/news/2023/x/#:~:text=Fiscal%C3%ADa&text=S%C3%A3o%20Paulo");
  assert.is(highlightUrl("/news/2023/x/", []), "/news/2023/x/");
  assert.is(encodeTextDirective("drug-trafficking, & more"), "drug%2Dtrafficking%2C%20%26%20more");
});

test.run();
