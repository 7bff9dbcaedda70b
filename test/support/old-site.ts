/**
 * The tests' own old site: the association's CMS website as crawled, modelled on the real one.
 * One description of its answers is written as a WARC, a WACZ and a wget mirror
 * (scripts/bench/old-site.ts), and `oldSiteItems` says what an import of it must give.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import {
  modernLayoutPage,
  tableLayoutPage,
  writeOldSiteMirror,
  writeOldSiteWacz,
  writeOldSiteWarc,
  type OldSiteResponse,
} from "../../scripts/bench/old-site.ts";
import { pdfWithText } from "./media.ts";
import { tempDir } from "./site.ts";

export const oldSiteRoot = "https://www.iap-association.org";
const at = (pathAndQuery: string) => `${oldSiteRoot}${pathAndQuery}`;

export const paths = {
  mou: "/News/The-IAP-signed-MOU-with-AIAMP",
  dublin: "/News/The-Dublin-Conference-%E2%80%93-outcome-report-of-the-21st",
  moscow: "/News/The-18th-Annual-Conference-opens-in-Moscow",
  statement: "/News/Statement-on-the-independence-of-prosecutors",
  spanish: "/Spanish/News-from-the-President",
  mouPhoto: "/Portals/0/Images/News/2023/IAP-AIAMP-MOU.jpg",
  dublinPhoto: "/Portals/0/Images/Conferences/Dublin-2016.jpg",
  dublinReport: "/Portals/0/Documents/Conferences/Dublin%20Outcome%20Report.pdf",
  logo: "/Portals/0/Images/iap-logo.png",
} as const;

/** The text of the PDF, page by page, for the search-index test. */
export const dublinReportText = [
  "Outcome report of the 21st Annual Conference of the IAP, Dublin.",
  "Recommendations on cooperation between prosecution services.",
];

/** What importing the old site must give, one entry per item (the canonical address first among its addresses). */
export interface ExpectedItem {
  /** The address the item is found at, absolute. */
  url: string;
  title: string;
  date: string;
  lang?: string;
  /** Every address of the crawl that is this page (duplicates and redirects), absolute, sorted. */
  addresses: string[];
  /** Old paths exactly as the site served them (percent-encoding kept), sorted by code units. */
  aliases: string[];
  images: { url: string; alt: string | undefined }[];
  documents: { url: string; title: string }[];
  /** Links to other imported items, as written in the page. */
  linksTo: string[];
}

export const oldSiteItems: readonly ExpectedItem[] = [
  {
    url: at(paths.mou),
    title: "The IAP signed MOU with AIAMP",
    date: "2023-11-14",
    addresses: [
      at("/News/Old-Name"),
      at(paths.mou),
      at(`${paths.mou}?viewmode=0`),
      `http://iap-association.org${paths.mou}`,
    ].sort(),
    aliases: ["/News/Old-Name", paths.mou, `${paths.mou}?viewmode=0`].sort(),
    images: [{ url: at(paths.mouPhoto), alt: "The Presidents of the IAP and of AIAMP sign the MoU" }],
    documents: [],
    linksTo: [],
  },
  {
    url: at(paths.dublin),
    title: "The Dublin Conference – outcome report of the 21st",
    date: "2016-09-30",
    addresses: [at(paths.dublin)],
    aliases: [paths.dublin],
    images: [{ url: at(paths.dublinPhoto), alt: undefined }],
    documents: [{ url: at(paths.dublinReport), title: "The full text can be accessed here" }],
    linksTo: [at(paths.moscow)],
  },
  {
    url: at(paths.moscow),
    title: "The 18th Annual Conference opens in Moscow",
    date: "2013-09-08",
    addresses: [at(paths.moscow)],
    aliases: [paths.moscow],
    images: [],
    documents: [],
    linksTo: [],
  },
  {
    url: at(paths.statement),
    title: "Statement on the independence of prosecutors",
    date: "2014-11-14",
    addresses: [at(paths.statement)],
    aliases: [paths.statement],
    images: [],
    documents: [],
    linksTo: [],
  },
  {
    url: at(paths.spanish),
    title: "La IAP y la AIAMP firman un memorando de entendimiento",
    date: "2023-11-20",
    lang: "es",
    addresses: [at(paths.spanish)],
    aliases: [paths.spanish],
    images: [],
    documents: [],
    linksTo: [],
  },
];

/** Pages that are not items, by why: what an import must skip and count. */
export const oldSiteSkipped = {
  listing: [at("/News"), at("/News?page=2")],
  navigation: [at("/About-Us")],
  login: [at("/Login")],
  error: [at("/News/No-Such-Page")],
  redirect: [at("/News/Old-Name")],
} as const;

const mouParagraphs = [
  "The International Association of Prosecutors and the Ibero American Association of Public Ministries (AIAMP) " +
    "signed a MOU formalising mutual cooperation between both Associations.",
  "On 14 November 2023 the IAP, represented by its President, Juan Bautista Mahiques, Attorney General of the " +
    "Autonomous City of Buenos Aires, and the Ibero-American Association of Public Ministries (AIAMP), represented " +
    "by its President, Francisco Barbosa Delgado, Attorney General of Colombia, signed an MoU formalizing mutual " +
    "cooperation between both Associations.",
  "The objective of the MoU is to foster cooperation between AIAMP and IAP in order to promote the exchange of " +
    "information, good practices, and successful experiences.",
  "The Ibero-American Association of Public Ministries (AIAMP) is a non-profit organisation founded in 1954 that " +
    "brings together the Public Prosecution Services of Latin American countries, Spain, Portugal and Andorra. To " +
    "this date, 22 Public Prosecution Services are members of AIAMP.",
];

const utf8Html: [string, string][] = [["Content-Type", "text/html; charset=utf-8"]];

function page(
  url: string,
  body: string | Buffer,
  headers: [string, string][] = utf8Html,
  sent?: OldSiteResponse["sent"],
): OldSiteResponse {
  return {
    url,
    status: 200,
    headers,
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
    ...(sent ? { sent } : {}),
  };
}

/** A small real image, JPEG or PNG, drawn from SVG. */
export async function drawnImage(format: "jpeg" | "png", width: number, height: number, fill: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${fill}"/><circle cx="50%" cy="50%" r="30%" fill="#f2c14e"/></svg>`;
  const picture = sharp(Buffer.from(svg));
  return format === "jpeg" ? picture.jpeg({ quality: 80 }).toBuffer() : picture.png().toBuffer();
}

/** Every answer of the old site, in crawl order. */
export async function oldSiteResponses(): Promise<OldSiteResponse[]> {
  const mou = modernLayoutPage({
    path: paths.mou,
    title: "The IAP signed MOU with AIAMP",
    date: "2023-11-14",
    bodyHtml: [
      `<p>${mouParagraphs[0]}</p>`,
      `<figure><img src="${paths.mouPhoto}" alt="The Presidents of the IAP and of AIAMP sign the MoU" width="800" ` +
        `height="500" /></figure>`,
      ...mouParagraphs.slice(1).map((text) => `<p>${text}</p>`),
      `<p>Here’s the link to the ` +
        `<a href="https://www.youtube.com/watch?v=iap-aiamp-mou">video of the signing ceremony</a>.</p>`,
    ].join("\n"),
  });
  const dublin = tableLayoutPage({
    path: decodeURI(paths.dublin),
    title: "The Dublin Conference – outcome report of the 21st",
    date: "30 September 2016",
    bodyHtml: [
      `<p>The outcome report of the 21st Annual Conference, held in Dublin, is now available to members.</p>`,
      `<p><img src="${paths.dublinPhoto}" width="600" height="400" /></p>`,
      `<p>The full text can be accessed <a href="${paths.dublinReport}">here</a>.</p>`,
      `<p>See also <a href="${paths.moscow}">the report of the 18th Annual Conference</a>.</p>`,
    ].join("\n"),
  });
  const moscow = tableLayoutPage({
    path: paths.moscow,
    title: "The 18th Annual Conference opens in Moscow",
    date: "08 September 2013",
    bodyHtml:
      `<p>The IAP’s 18th Annual Conference opened in Moscow – delegates from more than 80 countries attend ` +
      `the “Prosecutors and the Rule of Law” sessions, with a café reception after the opening.</p>\n` +
      `<p>The conference continues until 12 September.</p>`,
  });
  const statement = tableLayoutPage({
    path: paths.statement,
    title: "Statement on the independence of prosecutors",
    date: "November 14, 2014",
    metaCharset: "iso-8859-1",
    bodyHtml:
      `<p>The Executive Committee reaffirms the Standards of Professional Responsibility, as colleagues ` +
      `from the Ministério Público, the Fiscalía General and the Generalbundesanwalt in Karlsruhe have asked.</p>\n` +
      `<ul><li>Independence</li><li>Impartiality</li></ul>`,
  });
  const spanish = modernLayoutPage({
    path: paths.spanish,
    title: "La IAP y la AIAMP firman un memorando de entendimiento",
    date: "2023-11-20",
    lang: "es",
    bodyHtml:
      `<p>La Asociación Internacional de Fiscales y la Asociación Iberoamericana de Ministerios Públicos ` +
      `(AIAMP) firmaron un memorando de entendimiento que formaliza la cooperación entre ambas asociaciones.</p>\n` +
      `<p>La AIAMP, fundada en 1954, reúne a 22 Ministerios Públicos.</p>`,
  });
  const listingItem = (link: string) =>
    `<li><a href="${link}">${decodeURI(link.split("/").pop() ?? "").replaceAll("-", " ")}</a></li>`;
  const listing = (pageNumber: number, links: string[]) =>
    modernLayoutPage({
      path: pageNumber === 1 ? "/News" : `/News?page=${pageNumber}`,
      title: "News",
      bodyHtml:
        `<ul class="news-list">${links.map(listingItem).join("")}</ul>\n<nav class="pager">` +
        (pageNumber === 1 ? `<a href="/News?page=2">Next ›</a>` : `<a href="/News">‹ Previous</a>`) +
        "</nav>",
    });
  const about = modernLayoutPage({
    path: "/About-Us",
    title: "About us",
    bodyHtml:
      `<p>The International Association of Prosecutors was founded on 6 June 1995. It is the only world ` +
      `organisation of prosecutors.</p>\n<p>Read our <a href="/Standards">Standards</a>.</p>`,
  });
  const login = modernLayoutPage({
    path: "/Login",
    title: "Login",
    bodyHtml:
      `<form action="/Login" method="post"><label>Username <input name="username" /></label><label>Password ` +
      `<input type="password" name="password" /></label><button>Login</button></form>`,
  });
  const notFound = modernLayoutPage({
    path: "/News/No-Such-Page",
    title: "Page not found",
    bodyHtml: `<p>The page you requested could not be found.</p>`,
  });
  // Only the characters these pages use: the 2013 site's pages were saved by a Windows editor.
  const windows1252 = (text: string) =>
    Buffer.from(
      text.replace(/[’“”–]/g, (char) =>
        String.fromCharCode({ "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96 }[char] ?? 0x3f),
      ),
      "latin1",
    );

  return [
    page(at("/News"), listing(1, [paths.mou, paths.spanish, paths.dublin])),
    page(at("/News?page=2"), listing(2, [paths.statement, paths.moscow])),
    page(at(paths.mou), mou, utf8Html, { encoding: "gzip", chunked: true }),
    {
      url: at("/News/Old-Name"),
      status: 301,
      headers: [
        ["Location", at(paths.mou)],
        ["Content-Type", "text/html; charset=utf-8"],
      ],
      body: Buffer.from(
        `<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="${paths.mou}">here</a>.` +
          `</h2></body></html>`,
      ),
    },
    page(at(`${paths.mou}?viewmode=0`), mou),
    {
      ...page(`http://iap-association.org${paths.mou}`, mou, utf8Html, { encoding: "gzip", chunked: true }),
      revisitOf: at(paths.mou),
    },
    page(at(paths.dublin), dublin, utf8Html, { encoding: "br" }),
    page(at(paths.moscow), windows1252(moscow), [["Content-Type", "text/html; charset=windows-1252"]]),
    page(at(paths.statement), Buffer.from(statement, "latin1"), [["Content-Type", "text/html"]]),
    page(at(paths.spanish), spanish, [...utf8Html, ["Content-Language", "es"]], { encoding: "gzip" }),
    page(at("/About-Us"), about),
    page(at("/Login"), login),
    { url: at("/News/No-Such-Page"), status: 404, headers: utf8Html, body: Buffer.from(notFound) },
    {
      url: at(paths.mouPhoto),
      status: 200,
      headers: [["Content-Type", "image/jpeg"]],
      body: await drawnImage("jpeg", 800, 500, "#24527a"),
    },
    {
      url: at(paths.dublinPhoto),
      status: 200,
      headers: [["Content-Type", "image/jpeg"]],
      body: await drawnImage("jpeg", 600, 400, "#2f6f4e"),
    },
    {
      url: at(paths.dublinReport),
      status: 200,
      headers: [["Content-Type", "application/pdf"]],
      body: await pdfWithText(dublinReportText),
    },
    {
      url: at(paths.logo),
      status: 200,
      headers: [["Content-Type", "image/png"]],
      body: await drawnImage("png", 120, 60, "#003366"),
    },
  ];
}

export interface WrittenOldSite {
  responses: OldSiteResponse[];
  warc: string;
  wacz: string;
  mirror: string;
  /** The mirror's files, relative to `mirror`, in crawl order. */
  mirrorFiles: string[];
}

/** Writes the old site as `crawl.warc.gz`, `crawl.wacz` and a `mirror/` folder in a new temporary folder. */
export async function writeOldSite(dir = tempDir("old-site-")): Promise<WrittenOldSite> {
  const responses = await oldSiteResponses();
  const warc = path.join(dir, "crawl.warc.gz");
  const { cdx } = await writeOldSiteWarc(warc, responses);
  const wacz = path.join(dir, "crawl.wacz");
  await writeOldSiteWacz(
    wacz,
    { path: warc, cdx, bytes: readFileSync(warc) },
    oldSiteItems.map((item) => ({ url: item.url, title: item.title })),
  );
  const mirror = path.join(dir, "mirror");
  const mirrorFiles = writeOldSiteMirror(mirror, responses);
  return { responses, warc, wacz, mirror, mirrorFiles };
}
