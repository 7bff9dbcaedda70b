import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  maxBlockNesting,
  renderMarkdown,
  renderSummary,
  truncateAtWord,
} from "../../../scripts/lib/content/markdown.ts";

const html = (source: string) => renderMarkdown(source).html;

// --- HTML -----------------------------------------------------------------------------------

test("renders a paragraph", () => {
  assert.is(html("Hello *world*."), "<p>Hello <em>world</em>.</p>\n");
});

test("renders nothing for an empty body", () => {
  assert.equal(renderMarkdown(""), { html: "", firstParagraph: "", wordCount: 0, problems: [] });
});

test("the body's top heading becomes <h2> under the page's <h1>, whatever level it was written at", () => {
  assert.is(html("# Title\n\nText."), "<h2>Title</h2>\n<p>Text.</p>\n");
  assert.is(html("## Sub\n\nText."), "<h2>Sub</h2>\n<p>Text.</p>\n");
  assert.is(html("##### Five"), "<h2>Five</h2>\n");
  assert.not.match(html("# Title"), "<h1");
});

test("'#' then '##' are <h2> then <h3>; a '##' after them is <h3> again", () => {
  assert.is(html("# One\n\n## Two\n\n## Three"), "<h2>One</h2>\n<h3>Two</h3>\n<h3>Three</h3>\n");
  assert.is(html("## A\n\n### B\n\n## C\n\n### D"), "<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2>\n<h3>D</h3>\n");
});

test("headings never skip a level: '###' after '#' is <h3>, not <h4>", () => {
  assert.is(html("# One\n\n### Three"), "<h2>One</h2>\n<h3>Three</h3>\n");
  assert.is(
    html("# One\n\n#### Four\n\n### Three\n\n#### Four"),
    "<h2>One</h2>\n<h3>Four</h3>\n<h3>Three</h3>\n<h4>Four</h4>\n",
  );
  // A heading written higher than the first one still starts at <h2>: there is no level above it.
  assert.is(html("### Three\n\n# One"), "<h2>Three</h2>\n<h2>One</h2>\n");
});

test("six nested levels stop at <h6>", () => {
  assert.is(
    html("# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6"),
    "<h2>1</h2>\n<h3>2</h3>\n<h4>3</h4>\n<h5>4</h5>\n<h6>5</h6>\n<h6>6</h6>\n",
  );
});

test("keeps soft breaks and renders hard breaks", () => {
  assert.is(html("First line\nsecond line."), "<p>First line\nsecond line.</p>\n");
  assert.is(html("line one  \nline two"), "<p>line one<br>\nline two</p>\n");
});

test("renders lists, quotes, code and safe links", () => {
  assert.is(html("- item one\n- item two"), "<ul>\n<li>item one</li>\n<li>item two</li>\n</ul>\n");
  assert.is(html("> quoted"), "<blockquote>\n<p>quoted</p>\n</blockquote>\n");
  assert.is(
    html("Use `code` [here](https://example.org/a?b=1&c=2)."),
    '<p>Use <code>code</code> <a href="https://example.org/a?b=1&amp;c=2">here</a>.</p>\n',
  );
});

test("linkifies full URLs", () => {
  assert.is(html("see https://iap.org here"), '<p>see <a href="https://iap.org">https://iap.org</a> here</p>\n');
});

test("escapes special characters in text", () => {
  assert.is(html(`a "quote" & 'x'`), "<p>a &quot;quote&quot; &amp; 'x'</p>\n");
});

// --- raw HTML is text -----------------------------------------------------------------------

test("a raw <script> block is escaped, not passed through", () => {
  const out = html("<script>alert(1)</script>");
  assert.is(out, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  assert.not.match(out, "<script");
});

test("a raw <img onerror> is escaped, not passed through", () => {
  const out = html("<img src=x onerror=alert(1)>");
  assert.is(out, "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n");
  assert.not.match(out, "<img");
});

test("inline HTML tags are escaped", () => {
  assert.is(html("Para with <b>bold</b> inline."), "<p>Para with &lt;b&gt;bold&lt;/b&gt; inline.</p>\n");
  assert.is(html('<iframe src="x"></iframe>'), "<p>&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;</p>\n");
});

// --- dangerous links ------------------------------------------------------------------------

const dangerousLinks: [string, string][] = [
  ["[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
  ["[x](JAVASCRIPT:alert(1))", "<p>[x](JAVASCRIPT:alert(1))</p>\n"],
  ["[x](vbscript:msgbox(1))", "<p>[x](vbscript:msgbox(1))</p>\n"],
  [
    "[x](data:text/html,<script>alert(1)</script>)",
    "<p>[x](data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)</p>\n",
  ],
  ["[x](jav&#x61;script:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
  ["[x](&#106;avascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
  ["[x](<javascript:alert(1)>)", "<p>[x](&lt;javascript:alert(1)&gt;)</p>\n"],
  ["[x](file:///etc/passwd)", "<p>[x](file:///etc/passwd)</p>\n"],
  ["<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>\n"],
  ["![i](javascript:alert(1))", "<p>![i](javascript:alert(1))</p>\n"],
  ["[x][r]\n\n[r]: javascript:alert(1)", "<p>[x][r]</p>\n<p>[r]: javascript:alert(1)</p>\n"],
];

for (const [source, expected] of dangerousLinks) {
  test(`does not render ${JSON.stringify(source)} as a link`, () => {
    const out = html(source);
    assert.is(out, expected);
    assert.not.match(out, /<a\b/i);
    assert.not.match(out, /\b(?:href|src)=/i);
  });
}

test("an image may still use a data: image", () => {
  assert.is(html("![i](data:image/png;base64,AAAA)"), '<p><img src="data:image/png;base64,AAAA" alt="i"></p>\n');
});

// --- problems: what would be lost, or invalid on the page ---------------------------------

const problems = (source: string) => renderMarkdown(source).problems;
const tooDeep =
  `nests block quotes and lists more than ${maxBlockNesting} deep; at most ${maxBlockNesting} are ` +
  `allowed, as deeper text would be lost`;

test("block quotes and lists nested up to the limit render whole", () => {
  const quotes = renderMarkdown(`${">".repeat(maxBlockNesting)} deepest\n\nafter`);
  assert.equal(quotes.problems, []);
  assert.is(quotes.html.split("<blockquote>").length - 1, maxBlockNesting);
  assert.match(quotes.html, "<p>deepest</p>");
  const lists = renderMarkdown(
    Array.from({ length: maxBlockNesting }, (_, depth) => `${"  ".repeat(depth)}- level ${depth + 1}`).join("\n"),
  );
  assert.equal(lists.problems, []);
  assert.match(lists.html, `<li>level ${maxBlockNesting}</li>`);
});

test("one level deeper is a problem at the line where it starts, where markdown-it would drop text", () => {
  assert.equal(problems(`Intro.\n\n${">".repeat(maxBlockNesting + 1)} lost`), [{ line: 2, message: tooDeep }]);
  const lines = Array.from({ length: maxBlockNesting + 1 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth + 1}`);
  assert.equal(problems(lines.join("\n")), [{ line: maxBlockNesting, message: tooDeep }]);
  // Mixed: a list inside quotes inside a list…, reported once.
  assert.equal(problems("> - ".repeat(11)), [{ line: 0, message: tooDeep }]);
});

test("a heading with no text is a problem; an image's alt text counts as text", () => {
  const empty = "has a heading with no text: write the heading or remove the '#' line";
  assert.equal(problems("# Title\n\n#\n\n##  #\n\n# &nbsp;"), [
    { line: 2, message: empty },
    { line: 4, message: empty },
    { line: 6, message: empty },
  ]);
  assert.equal(problems("# ![IAP logo](logo.png)\n\n# `code`"), []);
});

test("a link with no text and an image with no address are problems", () => {
  assert.equal(
    problems("See [](https://iap.example/) and [ ](/news/).\n\n[![](logo.png)](https://iap.example/)\n\n![](<>)"),
    [
      {
        line: 0,
        message:
          "has a link with no text to https://iap.example/: write the text between [ and ], for readers and screen " +
          "readers",
      },
      {
        line: 0,
        message: "has a link with no text to /news/: write the text between [ and ], for readers and screen readers",
      },
      {
        line: 2,
        message:
          "has a link with no text to https://iap.example/: write the text between [ and ], for readers and screen " +
          "readers",
      },
      { line: 4, message: "has an image with no address: write it between ( and ), or remove the image" },
    ],
  );
  assert.equal(problems("[![IAP logo](logo.png)](https://iap.example/) [`code`](/x/) ![](photo.png)"), []);
});

// --- firstParagraph and wordCount -----------------------------------------------------------

test("firstParagraph skips headings and returns plain text with soft breaks as spaces", () => {
  const rendered = renderMarkdown("# Heading\n\nFirst line\nsecond *line*.\n\nSecond para.");
  assert.is(rendered.firstParagraph, "First line second line.");
  assert.is(rendered.wordCount, 7);
});

test("firstParagraph turns hard breaks into spaces and collapses white space", () => {
  assert.is(renderMarkdown("line one  \nline   two").firstParagraph, "line one line two");
});

test("firstParagraph keeps the text of links and code, and drops markup", () => {
  assert.is(
    renderMarkdown("Real *text* `code` [link](https://a.b) **here**.").firstParagraph,
    "Real text code link here.",
  );
});

test("firstParagraph skips a paragraph that is only an image", () => {
  assert.is(renderMarkdown("![alt](i.png)\n\nThe text.").firstParagraph, "The text.");
});

test("firstParagraph is empty when there is no paragraph", () => {
  assert.equal(renderMarkdown("# Only heading"), {
    html: "<h2>Only heading</h2>\n",
    firstParagraph: "",
    wordCount: 2,
    problems: [],
  });
});

test("firstParagraph is plain text: raw HTML stays as the characters typed", () => {
  assert.is(renderMarkdown("<b>bold</b> text").firstParagraph, "<b>bold</b> text");
});

test("wordCount counts the words of every block", () => {
  assert.is(renderMarkdown("one two\n\nthree four five").wordCount, 5);
  assert.is(renderMarkdown("# A title\n\n- item one\n- item two\n\n> quoted words").wordCount, 8);
});

// --- truncateAtWord -------------------------------------------------------------------------

test("truncateAtWord leaves short text alone", () => {
  assert.is(truncateAtWord("short"), "short");
  assert.is(
    truncateAtWord("The quick brown fox jumps over the lazy dog", 43),
    "The quick brown fox jumps over the lazy dog",
  );
  assert.is(truncateAtWord("", 5), "");
});

test("truncateAtWord cuts at the last word that fits and adds an ellipsis", () => {
  assert.is(
    truncateAtWord("The quick brown fox jumps over the lazy dog", 42),
    "The quick brown fox jumps over the lazy…",
  );
  assert.is(truncateAtWord("The quick brown fox jumps over the lazy dog", 20), "The quick brown…");
});

test("truncateAtWord drops trailing punctuation and dashes before the ellipsis", () => {
  assert.is(truncateAtWord("The quick, brown fox", 11), "The quick…");
  assert.is(truncateAtWord("Sign the MoU – today and tomorrow", 17), "Sign the MoU…");
});

test("truncateAtWord cuts inside a word when the last space is in the first half", () => {
  assert.is(truncateAtWord("Supercalifragilisticexpialidocious word", 10), "Supercali…");
  assert.is(truncateAtWord("ab cdefghijklmnop", 10), "ab cdefgh…");
  assert.is(truncateAtWord("abcde fghijklmnop", 10), "abcde fgh…");
  assert.is(truncateAtWord("abcdef ghijklmnop", 10), "abcdef…");
});

test("truncateAtWord defaults to at most 200 characters", () => {
  const long = "x".repeat(250);
  assert.is(truncateAtWord(long), `${"x".repeat(199)}…`);
  const words = "word ".repeat(60).trim();
  const cut = truncateAtWord(words);
  assert.is(cut, `${Array.from({ length: 39 }, () => "word").join(" ")}…`);
  assert.is(cut.length, 195);
});

test("truncateAtWord counts characters, not UTF-16 units, and never splits a surrogate pair", () => {
  // 8 characters (6 emoji, a space, "a") cut at 6: five emoji and the ellipsis, no lone surrogate.
  assert.is(truncateAtWord("😀😀😀😀😀😀 a", 6), "😀😀😀😀😀…");
  const cjk = `${"会".repeat(150)}${"😀".repeat(60)}`;
  const cut = truncateAtWord(cjk);
  assert.not.match(cut, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  assert.is(cut, `${"会".repeat(150)}${"😀".repeat(49)}…`);
});

test("renderSummary renders inline Markdown as HTML, and as text without its asterisks", () => {
  assert.equal(renderSummary("The IAP and **AIAMP** signed a *memorandum* (`MOU`)."), {
    html: "The IAP and <strong>AIAMP</strong> signed a <em>memorandum</em> (<code>MOU</code>).",
    text: "The IAP and AIAMP signed a memorandum (MOU).",
  });
});

test("renderSummary keeps raw HTML as text, and of a link or an image its text only", () => {
  assert.equal(renderSummary("<b>x</b> & [the *guide*](guide.pdf), ![a photo](photo.jpg)"), {
    html: "&lt;b&gt;x&lt;/b&gt; &amp; the <em>guide</em>, a photo",
    text: "<b>x</b> & the guide, a photo",
  });
  assert.equal(renderSummary("A # is not a heading, 1. not a list"), {
    html: "A # is not a heading, 1. not a list",
    text: "A # is not a heading, 1. not a list",
  });
});

test.run();
