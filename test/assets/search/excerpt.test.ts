/** Reading Pagefind's excerpts as text, and the highlight links (src/assets/search/excerpt.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  encodeTextDirective,
  excerptParts,
  highlightUrl,
  markedWords,
  withoutLeadingTitle,
} from "../../../src/assets/search/excerpt.ts";

test("excerptParts splits on <mark> and undoes only the escapes Pagefind makes", () => {
  assert.equal(
    excerptParts(
      "the &lt;img src=x onerror=alert(1)&gt; of <mark>Fiscalía</mark> & <mark>São</mark> <mark>Paulo</mark>.",
    ),
    [
      { text: "the <img src=x onerror=alert(1)> of ", marked: false },
      { text: "Fiscalía", marked: true },
      { text: " & ", marked: false },
      { text: "São", marked: true },
      { text: " ", marked: false },
      { text: "Paulo", marked: true },
      { text: ".", marked: false },
    ],
  );
  // Page text that itself reads "&amp;" stays as written: Pagefind does not escape "&".
  assert.equal(excerptParts("AT&amp;T"), [{ text: "AT&amp;T", marked: false }]);
});

test("markedWords: distinct matched words as written on the page, punctuation stripped", () => {
  assert.equal(markedWords("by <mark>Mahiques,</mark> and <mark>mahiques</mark> with <mark>(AIAMP).</mark>"), [
    "Mahiques",
    "AIAMP",
  ]);
  assert.equal(markedWords("nothing matched"), []);
});

test("highlightUrl adds a text fragment per word, encoded for text directives", () => {
  assert.is(
    highlightUrl("/news/2023/x/", ["Fiscalía", "São Paulo"]),
    "/news/2023/x/#:~:text=Fiscal%C3%ADa&text=S%C3%A3o%20Paulo",
  );
  assert.is(highlightUrl("/news/2023/x/", []), "/news/2023/x/");
  assert.is(encodeTextDirective("drug-trafficking, & more"), "drug%2Dtrafficking%2C%20%26%20more");
});

test("an excerpt that begins with the title shows the article's text only, its marks kept", () => {
  const title = "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services";
  assert.equal(
    withoutLeadingTitle(excerptParts(`${title}. International Cooperation is undoubtedly a key axis`), title),
    [{ text: "International Cooperation is undoubtedly a key axis", marked: false }],
  );
  // A title with a match, ending in its own punctuation; the match in the text stays marked.
  assert.equal(
    withoutLeadingTitle(
      excerptParts("Who signs the <mark>MOU</mark>? The <mark>MOU</mark> was signed"),
      "Who signs the MOU?",
    ),
    [
      { text: "The ", marked: false },
      { text: "MOU", marked: true },
      { text: " was signed", marked: false },
    ],
  );
  assert.equal(withoutLeadingTitle(excerptParts("A &lt;b&gt; title. Text"), "A <b>  title"), [
    { text: "Text", marked: false },
  ]);
  // An excerpt centred on a match may begin inside the title.
  assert.equal(
    withoutLeadingTitle(
      excerptParts("IAP signed <mark>MOU</mark> with AIAMP. The International Association"),
      "The IAP signed MOU with AIAMP",
    ),
    [{ text: "The International Association", marked: false }],
  );
  // Not at the start (an excerpt from further on), or no title: as it was.
  assert.equal(
    withoutLeadingTitle(excerptParts("signed the <mark>MOU</mark> today"), "The IAP signed MOU"),
    excerptParts("signed the <mark>MOU</mark> today"),
  );
  assert.equal(
    withoutLeadingTitle(excerptParts("MOU signed"), "The IAP signed MOU"),
    excerptParts("MOU signed"),
    "the title's end, but not a heading's",
  );
  assert.equal(withoutLeadingTitle(excerptParts("Text"), ""), [{ text: "Text", marked: false }]);
});

test.run();
