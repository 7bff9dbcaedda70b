/** Reading one old page (scripts/lib/import/extract.ts, markdown.ts, charset.ts): exact titles, dates, Markdown. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { modernLayoutPage, tableLayoutPage } from "../../../scripts/bench/old-site.ts";
import { decodePage } from "../../../scripts/lib/import/charset.ts";
import { readPage } from "../../../scripts/lib/import/extract.ts";
import { fillTokens, takeLeadImage } from "../../../scripts/lib/import/markdown.ts";
import { drupalNode } from "../../support/drupal-site.ts";

const url = "https://www.iap-association.org/News/A-page";
const read = (html: string, rules = {}) => readPage(html, url, { rules });
/** The Markdown with each link written as its old address and each image as a file named by its last segment. */
const markdownOf = (html: string, rules = {}) => {
  const page = read(html, rules);
  return fillTokens(
    page.markdown,
    (index) => page.links[index]?.href ?? "",
    (index) => ({ file: (page.images[index]?.src ?? "").split("/").pop() ?? "" }),
    (index) => page.images[index] ?? { src: "" },
  );
};
const doc = (head: string, body: string, lang = "en") =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const prose =
  "<p>The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising " +
  "mutual cooperation.</p>";

test("2013 table template: title from its heading, date below it; « back, menus, sidebar, share, footer out", () => {
  const html = tableLayoutPage({
    path: "/News/A-page",
    title: "The 18th Annual Conference opens in Moscow",
    date: "08 September 2013",
    bodyHtml: `${prose}\n<p>It continues until <em>12 September</em>.</p>`,
  });
  const page = read(html);
  assert.is(page.title, "The 18th Annual Conference opens in Moscow");
  assert.is(page.titleFrom, "heading");
  assert.is(page.date, "2013-09-08");
  assert.is(page.dateFrom, "text");
  assert.is(page.htmlLang, "en-US");
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\nIt continues until *12 September*.\n",
  );
});

test("the 2023 template: og:title, <time datetime>, none of header, breadcrumbs, sidebar, share bar, footer", () => {
  const html = modernLayoutPage({
    path: "/News/A-page",
    title: "The IAP signed MOU with AIAMP",
    date: "2023-11-14",
    bodyHtml: `${prose}\n<h2>Background</h2>\n<ul><li>one</li><li><a href="/News/Other">two</a></li></ul>`,
  });
  const page = read(html);
  assert.equal(
    [page.title, page.titleFrom, page.date, page.dateFrom],
    ["The IAP signed MOU with AIAMP", "og:title", "2023-11-14", "time"],
  );
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\n# Background\n\n-   one\n-   [two](https://www.iap-association.org/News/Other)\n",
  );
});

test("the date from article:published_time, then JSON-LD, when the page shows none", () => {
  const meta = read(
    doc(`<meta property="article:published_time" content="2019-03-02T23:30:00-05:00">`, `<h1>A</h1>${prose}`),
  );
  assert.equal([meta.date, meta.dateFrom], ["2019-03-02", "article:published_time"]);
  const jsonLd = read(
    doc(
      `<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-05-06"}]}</script>`,
      `<h1>A</h1>${prose}`,
    ),
  );
  assert.equal([jsonLd.date, jsonLd.dateFrom], ["2020-05-06", "json-ld"]);
});

test("a date in running text is not the page's date; one on its own line near the title is, and goes", () => {
  const about = read(
    doc(
      "<title>About</title>",
      `<h1>About us</h1><p>The IAP was founded on 6 June 1995 and is the only world organisation of prosecutors.</p>`,
    ),
  );
  assert.is(about.date, undefined);
  const dated = `<h1>Statement</h1><p class="date">Posted on November 14, 2014</p>${prose}`;
  assert.equal([read(doc("", dated)).date, read(doc("", dated)).dateFrom], ["2014-11-14", "text"]);
  assert.not.match(markdownOf(doc("", dated)), "2014");
});

test("a numeric date is reported as ambiguous without the rules' dateOrder, and read with it", () => {
  const html = doc("", `<h1>Meeting</h1><div>08/09/2013</div>${prose}`);
  assert.equal([read(html).date, read(html).ambiguousDate], [undefined, "08/09/2013"]);
  assert.is(read(html, { dateOrder: "day-month" }).date, "2013-09-08");
  assert.is(read(html, { dateOrder: "month-day" }).date, "2013-08-09");
});

test("the rules' selectors for title, date, body and parts to drop", () => {
  const html = doc(
    "<title>Site</title>",
    `<div class="t">Chosen title</div><span class="d">3 March 2021</span>` +
      `<div class="body">${prose}<div class="promo">Buy now</div></div><div class="other">${prose}</div>`,
  );
  const rules = { selectors: { title: ".t", date: ".d", body: ".body", drop: [".promo"] } };
  const page = read(html, rules);
  assert.equal(
    [page.title, page.titleFrom, page.date, page.dateFrom],
    ["Chosen title", "selector", "2021-03-03", "selector"],
  );
  assert.is(
    markdownOf(html, rules),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n",
  );
});

test("headings move one level up (the build moves them down again), empty headings and links with no text go", () => {
  const html = doc(
    "",
    `<h1>Title</h1><div>${prose}<h2>Part</h2><h3>Sub</h3><h4> </h4><p><a href="/x"> </a>text</p></div>`,
  );
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\n# Part\n\n## Sub\n\ntext\n",
  );
});

test("a data table stays a Markdown table, its first row the header; a layout table becomes its cells' text", () => {
  const data = doc(
    "",
    `<h1>Title</h1><div>${prose}<table><tr><td>Country</td><td>Members</td></tr><tr><td>Spain</td><td>3</td></tr>` +
      `</table></div>`,
  );
  assert.match(markdownOf(data), "| Country | Members |\n| --- | --- |\n| Spain | 3   |");
  const layout = doc(
    "",
    `<h1>Title</h1><div>${prose}<table><tr><td><p>Left text</p><ul><li>a</li></ul></td><td>Right text</td></tr>` +
      `</table></div>`,
  );
  assert.is(
    markdownOf(layout),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\nLeft text\n\n-   a\n\nRight text\n",
  );
});

test("no raw HTML reaches the Markdown: scripts, iframes and forms are dropped, markup in text stays text", () => {
  const html = doc(
    "",
    `<h1>Title</h1><div>${prose}<script>alert(1)</script><iframe src="https://x.org"></iframe><p>a &lt;b&gt; tag</p>` +
      `</div>`,
  );
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\na <b> tag\n",
  );
});

test("images keep their alt text (absent or given), linked images become the image, links keep their text", () => {
  const html = doc(
    "",
    `<h1>Title</h1><div>${prose}<p><a href="/big.jpg"><img src="/Portals/0/a.jpg" alt="The signing"></a></p><p>` +
      `<img src="b.png" title="A caption"></p></div>`,
  );
  const page = read(html);
  assert.equal(page.images, [
    { src: "https://www.iap-association.org/Portals/0/a.jpg", alt: "The signing" },
    { src: "https://www.iap-association.org/News/b.png", title: "A caption" },
  ]);
  assert.match(markdownOf(html), '![The signing](a.jpg)\n\n![](b.png "A caption")');
});

test('Drupal\'s node links (a share bar, "Printer-friendly version") and its "Tags:" line never reach the text', () => {
  const html = drupalNode({
    path: "/news/2020/statement",
    title: "Statement",
    submitted: "Thursday, 2 April 2020 - 08:00",
    bodyHtml: prose,
  });
  assert.equal([read(html).title, read(html).date], ["Statement", "2020-04-02"]);
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n",
  );
});

test("share, print and email links go (in a sentence, their words stay); a mail to someone and a document stay", () => {
  const html = doc(
    "",
    `<h1>Title</h1><div>${prose}
<p>Share this: <a href="https://www.facebook.com/sharer.php?u=x">Facebook</a> | ` +
      `<a href="https://x.com/intent/post?url=x">X</a> · ` +
      `<a href="https://www.linkedin.com/shareArticle?url=x">LinkedIn</a> | ` +
      `<a href="https://api.whatsapp.com/send?text=x">WhatsApp</a> | ` +
      `<a href="mailto:?subject=Title&amp;body=https://x.org/a">E-mail</a></p>
<ul><li><a href="/print/node/12">Printer-friendly version</a></li><li>` +
      `<a href="mailto:someone@x.org?subject=Title&amp;body=See https://x.org/a">Email this</a></li></ul>
<p><a href="javascript:window.print()">Print this</a></p>
<p>A <a href="/News/A-page?print=1">printable copy</a> went to <a href="mailto:secretariat@x.org">the secretariat` +
      `</a>; the <a href="/Portals/0/print/Form.pdf">form to print</a> is attached.</p>
<p>Members <a href="/Forum">share</a> practices.</p></div>`,
  );
  assert.is(
    markdownOf(html),
    "The International Association of Prosecutors and AIAMP signed a memorandum of understanding formalising mutual " +
      "cooperation.\n\n" +
      "A printable copy went to [the secretariat](mailto:secretariat@x.org); " +
      "the [form to print](https://www.iap-association.org/Portals/0/print/Form.pdf) is attached.\n\n" +
      "Members [share](https://www.iap-association.org/Forum) practices.\n",
  );
});

test("a <figcaption> is its image's caption; the lead image is the first that stands alone and is usable", () => {
  const html = doc(
    "",
    `<h1>Title</h1><div><p>An <img src="/flag.png" alt="flag"> icon.</p><figure><img src="/a.jpg" alt="The signing">` +
      `<figcaption> Signing in <em>Bogotá</em> </figcaption></figure>${prose}<p><img src="/b.jpg" alt="B"></p>` +
      `</div>`,
  );
  const page = read(html);
  assert.equal(page.images[1], {
    src: "https://www.iap-association.org/a.jpg",
    alt: "The signing",
    title: "Signing in Bogotá",
  });
  assert.is(page.markdown.split("\n\n")[1], "\uE0021\uE003");
  const { markdown, lead } = takeLeadImage(page.markdown, () => true);
  assert.is(lead, 1);
  assert.is(
    fillTokens(
      markdown,
      () => "",
      (index) => ({ file: `${index}.jpg` }),
      (index) => page.images[index] ?? { src: "" },
    ),
    `An ![flag](0.jpg) icon.\n\n${prose.slice(3, -4)}\n\n![B](2.jpg)\n`,
  );
  // The crawl lacks the first: the next photo standing alone is the lead, and the last paragraph goes cleanly.
  assert.equal(
    takeLeadImage(page.markdown, (index) => index !== 1),
    { markdown: `An \uE0020\uE003 icon.\n\n\uE0021\uE003\n\n${prose.slice(3, -4)}\n`, lead: 2 },
  );
  assert.equal(
    takeLeadImage(page.markdown, () => false),
    { markdown: page.markdown },
  );
});

test("headings that are only a link, and the text before the first of them: what a listing of teasers shows", () => {
  const teasers = read(
    doc(
      "",
      `<h1>Cooperation</h1><div><p>Articles tagged Cooperation.</p><h3><a href="/News/A">First</a></h3>` +
        `<p>${prose}</p><h3><a href="/News/B">Second</a></h3><p>Excerpt.</p></div>`,
    ),
  );
  assert.equal(
    [teasers.headingLinks, teasers.textBeforeHeadingLinks],
    [["https://www.iap-association.org/News/A", "https://www.iap-association.org/News/B"], 28],
  );
  const article = read(doc("", `<h1>Title</h1><div>${prose}<h2>Background</h2><p>More.</p></div>`));
  assert.equal([article.headingLinks, article.textBeforeHeadingLinks], [[], article.textLength]);
});

test("signs of what a page is: a password field, pagination, dates in the text, link text", () => {
  const listing = read(
    doc(
      "<title>News</title>",
      `<h1>News</h1><ul><li><a href="/a">First news</a> 1 May 2020</li><li><a href="/b">Second news</a> 2 May 2020` +
        `</li></ul><a rel="next" href="?page=2">Next</a>`,
    ),
  );
  assert.equal([listing.hasPagination, listing.hasPasswordField], [true, false]);
  const login = read(doc("", `<h1>Login</h1><form><input type="password"></form>`));
  assert.is(login.hasPasswordField, true);
});

test("legacy encodings declared in Content-Type or <meta> are decoded, windows-1252's quotes and dashes too", () => {
  const bytes = Buffer.from([
    ...Buffer.from("<p>IAP"),
    0x92,
    ...Buffer.from("s caf"),
    0xe9,
    0x20,
    0x96,
    0x20,
    0x93,
    0x71,
    0x94,
    ...Buffer.from("</p>"),
  ]);
  assert.equal(decodePage(bytes, "text/html; charset=windows-1252"), {
    text: "<p>IAP’s café – “q”</p>",
    charset: "windows-1252",
  });
  const meta = Buffer.concat([
    Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
    bytes,
  ]);
  assert.is(decodePage(meta, "text/html").text.endsWith("<p>IAP’s café – “q”</p>"), true);
  assert.is(decodePage(Buffer.from("<p>café</p>"), undefined).text, "<p>café</p>");
  assert.equal(decodePage(Buffer.from([0x63, 0x61, 0x66, 0xe9]), undefined), { text: "café", charset: "windows-1252" });
  assert.equal(decodePage(Buffer.from("x"), "text/html; charset=klingon"), {
    text: "x",
    charset: "utf-8",
    problem: 'declares the unknown charset "klingon": read as utf-8',
  });
});

test("extraction stays within a few milliseconds a page", () => {
  const html = tableLayoutPage({
    path: "/News/A-page",
    title: "The 18th Annual Conference opens in Moscow",
    date: "08 September 2013",
    bodyHtml: prose.repeat(30),
  });
  for (let i = 0; i < 20; i++) read(html);
  const started = performance.now();
  for (let i = 0; i < 100; i++) read(html);
  const perPage = (performance.now() - started) / 100;
  // Generous for a loaded shared machine: the budget is 10,000 pages in 60 s with reading the crawl.
  assert.ok(perPage < 15, `${perPage.toFixed(1)} ms a page`);
});

test.run();
