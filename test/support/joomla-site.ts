/**
 * A third old site, in a layout the import's defaults were not tuned to: a Joomla 1.5 site of 2012
 * saved by `wget --mirror`. Its shapes once went wrong: a login form in the side column of every
 * page, the site's name in an h1 logo with the headline in a table cell, pages addressed by their
 * query string (`/index.php?option=com_content&view=article&id=45:…`), the same article at its
 * search-engine-friendly address too, PDF, print and e-mail icons, and "Written by" / "Last
 * Updated" lines.
 */
import path from "node:path";
import { writeOldSiteMirror, type OldSiteResponse } from "../../scripts/bench/old-site.ts";
import { escapeHtml } from "../../scripts/lib/util/html.ts";
import { pdfWithText } from "./media.ts";
import { drawnImage } from "./old-site.ts";
import { tempDir } from "./site.ts";

export const joomlaRoot = "https://prosecutors-network.example";

const article = (id: number, slug: string) =>
  `/index.php?option=com_content&view=article&id=${id}:${slug}&catid=3:news&Itemid=5`;

export const joomlaPaths = {
  vienna: article(45, "annual-meeting-in-vienna"),
  viennaFriendly: "/news/45-annual-meeting-in-vienna",
  seminar: article(46, "training-seminar-on-cybercrime"),
  category: "/index.php?option=com_content&view=category&id=3&Itemid=5",
  home: "/index.php",
  photo: "/images/stories/vienna.jpg",
  conclusions: "/images/docs/conclusions-vienna.pdf",
} as const;

/**
 * Every page: a header with the site's name as an h1 logo, a top menu, the login and latest-news modules in a side
 * column, a footer.
 */
export function joomlaPage(title: string, main: string): string {
  const latest: [string, string][] = [
    [joomlaPaths.vienna, "Annual meeting in Vienna"],
    [joomlaPaths.seminar, "Training seminar on cybercrime"],
  ];
  const latestItems = latest
    .map(([href, text]) => `<li class="latestnews"><a href="${escapeHtml(href)}" class="latestnews">${text}</a></li>`)
    .join("");
  return [
    `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" ` +
      `"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`,
    `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-gb" lang="en-gb"><head>` +
      `<meta http-equiv="content-type" content="text/html; charset=utf-8" />` +
      `<meta name="generator" content="Joomla! 1.5 - Open Source Content Management" />` +
      `<title>${escapeHtml(title)}</title></head>`,
    `<body id="page_bg"><div id="wrapper"><div id="header"><h1><a href="/index.php">Prosecutors Network</a></h1></div>`,
    `<div id="topmenu"><ul class="menu"><li><a href="/index.php"><span>Home</span></a></li>` +
      `<li><a href="${escapeHtml(joomlaPaths.category)}"><span>News</span></a></li></ul></div>`,
    `<table width="100%" id="maintable"><tr><td id="leftcolumn" valign="top"><div class="moduletable">` +
      `<h3>Login Form</h3><form action="/index.php" method="post"><input type="text" name="username" />` +
      `<input type="password" name="passwd" /><input type="submit" value="Login" /></form></div>`,
    `<div class="moduletable"><h3>Latest News</h3><ul class="latestnews">${latestItems}</ul></div></td>`,
    `<td id="maincolumn" valign="top">${main}</td></tr></table>`,
    `<div id="footer"><p>Copyright &copy; 2012 Prosecutors Network. All Rights Reserved.</p></div></div></body></html>`,
  ].join("\n");
}

/**
 * An article: the headline in td.contentheading beside the PDF, print and e-mail icons, then the author, the date,
 * the text and when it last changed.
 */
export function joomlaArticle(id: number, title: string, created: string, bodyHtml: string): string {
  const button = (href: string, alt: string, icon: string) =>
    `<td align="right" width="100%" class="buttonheading"><a href="${escapeHtml(href)}" title="${alt}">` +
    `<img src="/images/M_images/${icon}" alt="${alt}" /></a></td>`;
  return joomlaPage(
    title,
    [
      `<table class="contentpaneopen"><tr><td class="contentheading" width="100%">${escapeHtml(title)}</td>`,
      button(`/index.php?view=article&id=${id}&format=pdf`, "PDF", "pdf_button.png") +
        button(`/index.php?view=article&id=${id}&tmpl=component&print=1`, "Print", "printButton.png") +
        button("/index.php?option=com_mailto&tmpl=component", "E-mail", "emailButton.png") +
        "</tr></table>",
      `<table class="contentpaneopen"><tr><td valign="top"><span class="small">Written by Administrator</span>` +
        `&nbsp;&nbsp;</td></tr>`,
      `<tr><td valign="top" class="createdate">${created}</td></tr>`,
      `<tr><td valign="top">${bodyHtml}</td></tr>`,
      `<tr><td class="modifydate">Last Updated on Thursday, 26 July 2012 08:12</td></tr></table>`,
    ].join("\n"),
  );
}

export async function joomlaSiteResponses(): Promise<OldSiteResponse[]> {
  const html = (sitePath: string, body: string): OldSiteResponse => ({
    url: `${joomlaRoot}${sitePath}`,
    status: 200,
    headers: [["Content-Type", "text/html; charset=utf-8"]],
    body: new TextEncoder().encode(body),
  });
  const vienna = joomlaArticle(
    45,
    "Annual meeting in Vienna",
    "Wednesday, 14 March 2012 10:00",
    `<p>Prosecutors from forty countries met in Vienna for the network's annual meeting. The agenda covered ` +
      `<em>asset recovery</em>, mutual legal assistance and the training of young prosecutors.</p><p>` +
      `<img src="${joomlaPaths.photo}" alt="Delegates in the conference hall in Vienna" width="400" height="300" />` +
      `</p><p>The conclusions are available: <a href="${joomlaPaths.conclusions}">Conclusions of the meeting</a>.` +
      `</p>`,
  );
  return [
    html(joomlaPaths.vienna, vienna),
    html(joomlaPaths.viennaFriendly, vienna),
    html(
      joomlaPaths.seminar,
      joomlaArticle(
        46,
        "Training seminar on cybercrime",
        "Monday, 02 April 2012 09:30",
        `<p>A three-day seminar on the investigation of cybercrime was held for members, on electronic evidence and ` +
          `cross-border requests.</p><p>See the report of the <a href="${escapeHtml(joomlaPaths.vienna)}">annual ` +
          `meeting</a>.</p>`,
      ),
    ),
    html(
      joomlaPaths.home,
      joomlaPage(
        "Welcome to the Prosecutors Network",
        `<div class="componentheading">Welcome</div><p>The Prosecutors Network brings together prosecutors from ` +
          `Europe and beyond since 2004. Read the latest news in the side column.</p>`,
      ),
    ),
    {
      url: `${joomlaRoot}${joomlaPaths.photo}`,
      status: 200,
      headers: [["Content-Type", "image/jpeg"]],
      body: await drawnImage("jpeg", 640, 400, "#2d5a7a"),
    },
    {
      url: `${joomlaRoot}${joomlaPaths.conclusions}`,
      status: 200,
      headers: [["Content-Type", "application/pdf"]],
      body: await pdfWithText([
        "Conclusions of the annual meeting in Vienna: asset recovery and mutual legal assistance.",
      ]),
    },
  ];
}

/** Writes the site as `wget --mirror --adjust-extension` saves it in `mirror/` of a new temporary folder; its path. */
export async function writeJoomlaSite(dir = tempDir("joomla-site-")): Promise<string> {
  const mirror = path.join(dir, "mirror");
  writeOldSiteMirror(mirror, await joomlaSiteResponses());
  return mirror;
}
