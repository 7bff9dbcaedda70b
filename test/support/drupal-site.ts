/**
 * A second old site, in a layout the import's defaults were not tuned to: a Drupal 7 site saved by
 * `wget --mirror`. Its shapes are the ones that once went wrong: a path alias that is already the
 * item's new address, a share bar and a "Printer-friendly version" link closing every article, a
 * "Tags:" line, a taxonomy page of teasers, a `node/123` address, a photo with a `<figcaption>`.
 */
import path from "node:path";
import { writeOldSiteMirror, type OldSiteResponse } from "../../scripts/bench/old-site.ts";
import { escapeHtml } from "../../scripts/lib/util/html.ts";
import { pdfWithText } from "./media.ts";
import { drawnImage } from "./old-site.ts";
import { tempDir } from "./site.ts";

export const drupalRoot = "https://www.prosecutors-assoc.example";

export const drupalPaths = {
  statement: "/news/2020/statement-on-the-pandemic",
  hague: "/news/2019/03/executive-committee-meets-in-the-hague",
  members: "/news/2018/11/new-members-admitted",
  malta: "/node/123",
  tag: "/taxonomy/term/4",
  haguePhoto: "/sites/default/files/styles/large/public/hague.jpg",
  maltaPhoto: "/sites/default/files/malta.jpg",
  minutes: "/sites/default/files/minutes-2019-03.pdf",
} as const;

/** Every page of the site: the menu, breadcrumb, sidebar and footer of Drupal 7's Bartik-like themes. */
export function drupalPage(title: string, main: string, lang = "en"): string {
  const shown = escapeHtml(title);
  return [
    `<!DOCTYPE html><html lang="${lang}" dir="ltr"><head><meta charset="utf-8">` +
      `<title>${shown} | Prosecutors Association</title><meta name="Generator" content="Drupal 7"></head>`,
    `<body class="html not-front page-node node-type-article"><div id="page">` +
      `<header id="header"><a href="/" class="logo">Prosecutors Association</a>`,
    `<nav id="main-menu"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li>` +
      `<li><a href="/user/login">Log in</a></li></ul></nav></header>`,
    `<div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › ${shown}</div>`,
    `<div id="main"><div id="content" class="column">${main}</div>`,
    `<aside class="sidebar"><div class="block block-views"><h2>Latest news</h2>` +
      `<ul><li><a href="${drupalPaths.hague}">Executive Committee meets in The Hague</a></li></ul></div></aside></div>`,
    `<footer id="footer"><p>© Prosecutors Association · <a href="/privacy">Privacy</a></p></footer>` +
      `</div></body></html>`,
  ].join("\n");
}

/**
 * An article ("node"): the date in a "Submitted on" line, then the body, the tags line, and Drupal's node links
 * (share, print).
 */
export function drupalNode(node: { path: string; title: string; submitted: string; bodyHtml: string }): string {
  const shareAddress = encodeURIComponent(drupalRoot + node.path);
  return drupalPage(
    node.title,
    [
      `<h1 class="page-title">${escapeHtml(node.title)}</h1><div class="node node-article">` +
        `<div class="submitted">Submitted on <span class="date-display-single">${node.submitted}</span> ` +
        `by <span class="username">webmaster</span></div>`,
      `<div class="field field-name-body"><div class="field-items">` +
        `<div class="field-item even" property="content:encoded">${node.bodyHtml}</div></div></div>`,
      `<div class="field field-name-field-tags"><div class="field-label">Tags:&nbsp;</div>` +
        `<a href="${drupalPaths.tag}">Cooperation</a></div>`,
      `<ul class="links inline"><li class="addtoany"><a href="https://www.addtoany.com/share#url=${shareAddress}">` +
        `Share</a></li><li class="print_html"><a href="/print${node.path}">Printer-friendly version</a></li>` +
        `</ul></div>`,
    ].join("\n"),
  );
}

/** Share links written into the text itself, with no class to say so: they go too; a contact address stays. */
const inTextShareBar = (title: string, address: string) =>
  `<p>Share: <a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(address)}">Facebook</a> | ` +
  `<a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(address)}">Twitter</a> | ` +
  `<a href="mailto:?subject=${encodeURIComponent(title)}">Email</a></p><p>` +
  `<a href="javascript:window.print()">Print this</a></p>`;

const utf8Html: [string, string][] = [["Content-Type", "text/html; charset=utf-8"]];
const at = (sitePath: string) => `${drupalRoot}${sitePath}`;
const page = (sitePath: string, html: string): OldSiteResponse => ({
  url: at(sitePath),
  status: 200,
  headers: utf8Html,
  body: Buffer.from(html, "utf8"),
});

export async function drupalSiteResponses(): Promise<OldSiteResponse[]> {
  const teaser = (sitePath: string, title: string, submitted: string, excerpt: string) =>
    `<div class="views-row"><h3><a href="${sitePath}">${title}</a></h3>` +
    `<span class="date-display-single">${submitted}</span><p>${excerpt}…</p></div>`;
  return [
    page(
      drupalPaths.statement,
      drupalNode({
        path: drupalPaths.statement,
        title: "Statement on the pandemic",
        submitted: "Thursday, 2 April 2020 - 08:00",
        bodyHtml: [
          "<p>The President issued a statement on the work of prosecution services during the pandemic, calling on " +
            "members to share practices on remote hearings and the protection of witnesses.</p>",
          `<p>A <a href="/print/node/7">printer-friendly copy</a> went to every member; questions go to ` +
            `<a href="mailto:secretariat@prosecutors-assoc.example">the secretariat</a>.</p>`,
          inTextShareBar("Statement on the pandemic", at(drupalPaths.statement)),
        ].join(""),
      }),
    ),
    page(
      drupalPaths.hague,
      drupalNode({
        path: drupalPaths.hague,
        title: "Executive Committee meets in The Hague",
        submitted: "Tuesday, 12 March 2019 - 10:15",
        bodyHtml:
          `<p>The Executive Committee of the Association met in <strong>The Hague` +
          `</strong> on 11 and 12 March 2019 to prepare the annual conference.</p><p>See also the ` +
          `<a href="${drupalPaths.members}">earlier decision on members</a> and the ` +
          `<a href="${drupalPaths.minutes}">minutes (PDF)</a>.</p><p>` +
          `<img src="${drupalPaths.haguePhoto}" alt="Members of the Executive Committee around a table"></p>`,
      }),
    ),
    page(
      drupalPaths.members,
      drupalNode({
        path: drupalPaths.members,
        title: "New members admitted",
        submitted: "Friday, 23 November 2018 - 09:00",
        bodyHtml:
          "<p>The Association welcomes the prosecution services of two states as organisational members. The " +
          "decision was taken unanimously by the Executive Committee.</p>",
      }),
    ),
    page(
      drupalPaths.malta,
      drupalNode({
        path: drupalPaths.malta,
        title: "18th European Regional Conference in Malta",
        submitted: "Friday, 8 November 2024 - 16:00",
        bodyHtml:
          `<p>The 18th European Regional Conference was held in St Julian's, Malta, from 6 to 8 November 2024.` +
          `</p><figure><img src="${drupalPaths.maltaPhoto}" alt="Delegates in the conference hall">` +
          `<figcaption>The conference in St Julian's</figcaption></figure>` +
          `<p>Prosecutors from across Europe discussed international cooperation in criminal matters.</p>`,
      }),
    ),
    page(
      drupalPaths.tag,
      drupalPage(
        "Cooperation",
        "<h1>Cooperation</h1>" +
          teaser(
            drupalPaths.hague,
            "Executive Committee meets in The Hague",
            "Tuesday, 12 March 2019 - 10:15",
            "The Executive Committee of the Association met in The Hague on 11 and 12 March 2019 " +
              "to prepare the annual conference",
          ) +
          teaser(
            drupalPaths.members,
            "New members admitted",
            "Friday, 23 November 2018 - 09:00",
            "The Association welcomes the prosecution services of two states as organisational members",
          ),
      ),
    ),
    {
      url: at(drupalPaths.haguePhoto),
      status: 200,
      headers: [["Content-Type", "image/jpeg"]],
      body: await drawnImage("jpeg", 640, 400, "#5a3d7a"),
    },
    {
      url: at(drupalPaths.maltaPhoto),
      status: 200,
      headers: [["Content-Type", "image/jpeg"]],
      body: await drawnImage("jpeg", 640, 400, "#7a5a24"),
    },
    {
      url: at(drupalPaths.minutes),
      status: 200,
      headers: [["Content-Type", "application/pdf"]],
      body: await pdfWithText(["Minutes of the Executive Committee, The Hague, March 2019."]),
    },
  ];
}

/** Writes the site as `wget --mirror --adjust-extension` saves it in `mirror/` of a new temporary folder; its path. */
export async function writeDrupalSite(dir = tempDir("drupal-site-")): Promise<string> {
  const mirror = path.join(dir, "mirror");
  writeOldSiteMirror(mirror, await drupalSiteResponses());
  return mirror;
}
