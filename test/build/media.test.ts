/**
 * Photos and documents, built for real: a page bundle with a JPEG carrying GPS EXIF and a PDF made
 * with pdf-lib. What the pages show, that no published image keeps any metadata, that a second
 * build reuses every processed image, and each kind of bad file named with its content file.
 */
import * as cheerio from "cheerio";
import exifr from "exifr";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import sharp from "sharp";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { conferences, site as siteSettings, topics } from "../../scripts/lib/content/data.ts";
import { readContent } from "../../scripts/lib/content/load.ts";
import { processMedia } from "../../scripts/lib/phases/media.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { buildFailure, buildSite, hashTree, newsFile, page, tempDir, text, writeContent } from "../support/site.ts";

const photo = await photoWithGps();
const guide = await pdfWithText(["Special investigative techniques and zygomorphic cooperation.", "The second page."]);

const bundle = {
  "news/2023/mou-signed/index.md": newsFile(
    {
      title: "MoU signed",
      date: "2023-11-14",
      image: "\n  src: photo.jpg\n  alt: A yellow circle on blue\n  caption: The signing table\n  credit: IAP",
      documents: "\n  - src: files/guide.pdf\n    title: Good Practices Guide\n    language: es",
      video: "\n  url: https://www.youtube.com/watch?v=abc123\n  title: The signing ceremony",
    },
    'The associations signed.\n\n![The table from above](photo.jpg "Seen from above")\n\nRead [the ' +
      "guide](files/guide.pdf).\n",
  ),
  "news/2023/mou-signed/photo.jpg": photo,
  "news/2023/mou-signed/files/guide.pdf": guide,
  "news/2023/plain.md": newsFile({ title: "Plain", date: "2023-10-01" }),
};

const cacheDir = tempDir("media-cache-");
const lines: string[] = [];
const site = await buildSite(writeContent(bundle), { mediaCacheDir: cacheDir, log: (line) => lines.push(line) });
const item = page(site.read("/news/2023/mou-signed/"));
const itemDir = path.join(site.outDir, "news/2023/mou-signed");
const images = readdirSync(itemDir).filter((name) => /\.(avif|webp|jpeg)$/.test(name));

test("a page bundle is published at its folder's URL, with its images and its document beside the page", () => {
  assert.is(item("h1").text(), "MoU signed");
  assert.is(images.length, 12);
  assert.equal([...new Set(images.map((name) => name.replace(/^.*-(?=\d+\.\w+$)/, "")))].sort(), [
    "1280.avif",
    "1280.jpeg",
    "1280.webp",
    "240.avif",
    "240.jpeg",
    "240.webp",
    "480.avif",
    "480.jpeg",
    "480.webp",
    "800.avif",
    "800.jpeg",
    "800.webp",
  ]);
  assert.equal(readFileSync(path.join(itemDir, "files/guide.pdf")), Buffer.from(guide));
  // The original is not published unless _data/site.ts says so.
  assert.not.ok(readdirSync(itemDir).some((name) => name.endsWith(".jpg")));
});

test("the lead image: a picture with AVIF, WebP and JPEG, width and height, loaded first; caption and credit", () => {
  const lead = item("article > figure.media");
  assert.equal(
    lead
      .find("source")
      .map((_, source) => item(source).attr("type"))
      .get(),
    ["image/avif", "image/webp"],
  );
  const img = lead.find("img");
  assert.is(img.attr("alt"), "A yellow circle on blue");
  assert.is(img.attr("width"), "1280");
  assert.is(img.attr("height"), "800");
  assert.is(img.attr("fetchpriority"), "high");
  assert.is(img.attr("loading"), undefined);
  assert.is(img.attr("sizes"), "(min-width: 46rem) 42rem, calc(100vw - 2rem)");
  assert.equal(
    img
      .attr("srcset")
      ?.split(", ")
      .map((candidate) => candidate.split(" ")[1]),
    ["240w", "480w", "800w", "1280w"],
  );
  assert.is(text(lead.find("figcaption")), "The signing table Photo: IAP");
});

test("a body image alone in its paragraph is a lazy figure captioned by its title", () => {
  const figure = item(".prose figure.media");
  assert.is(figure.find("img").attr("alt"), "The table from above");
  assert.is(figure.find("img").attr("loading"), "lazy");
  assert.is(figure.find("figcaption").text(), "Seen from above");
  assert.is(item(".prose p").length, 2);
  assert.is(item('.prose a[href="files/guide.pdf"]').text(), "the guide");
});

test("documents are listed with title, type, size and pages, downloadable, with their text for search", () => {
  const heading = item(".documents h3");
  assert.is(heading.attr("id"), "document-1");
  assert.is(heading.find("a").text(), "Good Practices Guide (PDF)");
  assert.is(heading.find("a").attr("href"), "files/guide.pdf");
  assert.is(heading.find("a").attr("download"), "");
  assert.is(heading.find("a").attr("hreflang"), "es");
  assert.is(text(item(".documents .meta")), `PDF, ${Math.round(guide.length / 1000)} kB, 2 pages`);
  assert.equal(
    item(".document-text p")
      .map((_, p) => item(p).text())
      .get(),
    ["Special investigative techniques and zygomorphic cooperation.", "The second page."],
  );
  assert.is(item(".document-text").attr("lang"), "es");
  // Inside the article Pagefind indexes.
  assert.is(item("[data-pagefind-body] .document-text").length, 1);
});

test("a video is a link card naming its host, not an embed", () => {
  assert.is(text(item(".video-card")), "The signing ceremony Video on youtube.com");
  assert.is(item(".video-card a").attr("href"), "https://www.youtube.com/watch?v=abc123");
  assert.is(item("iframe").length, 0);
});

test("the lead image in OpenGraph, Twitter card, JSON-LD, feeds and list cards", () => {
  const jpeg = images.find((name) => name.endsWith("-1280.jpeg"));
  const absolute = `https://archive.iap-association.org/news/2023/mou-signed/${jpeg}`;
  assert.is(item('meta[property="og:image"]').attr("content"), absolute);
  assert.is(item('meta[property="og:image:alt"]').attr("content"), "A yellow circle on blue");
  assert.is(item('meta[name="twitter:card"]').attr("content"), "summary_large_image");
  const jsonLd = JSON.parse(item('script[type="application/ld+json"]').text()) as { image?: unknown };
  assert.equal(jsonLd.image, [absolute]);
  const atom = site.read("/feeds/news.xml");
  assert.ok(atom.includes(absolute), "the Atom entry names the image");
  const json = JSON.parse(site.read("/feeds/news.json")) as { items: { url: string; image?: string }[] };
  assert.is(json.items.find((entry) => entry.url.endsWith("/mou-signed/"))?.image, absolute);
  assert.is(json.items.find((entry) => entry.url.endsWith("/plain/"))?.image, undefined);
  const list = page(site.read("/news/"));
  const thumbnail = list('a[href="/news/2023/mou-signed/"]').closest("article").find("img.thumbnail");
  assert.is(thumbnail.attr("src"), `/news/2023/mou-signed/${images.find((name) => name.endsWith("-240.jpeg"))}`);
  assert.is(thumbnail.attr("alt"), "");
  assert.is(thumbnail.attr("loading"), "lazy");
  assert.is(list('a[href="/news/2023/plain/"]').closest("article").find("img").length, 0);
});

test("feed content links the body's images and the item's own files absolutely, in Atom and JSON Feed", () => {
  const at = (name: string) => `https://archive.iap-association.org/news/2023/mou-signed/${name}`;
  const urls = (html: string) => {
    const $ = page(html);
    return $("[href], [src], [srcset]")
      .map((_, node) => [
        $(node).attr("href"),
        $(node).attr("src"),
        ...($(node)
          .attr("srcset")
          ?.split(", ")
          .map((candidate) => candidate.split(" ")[0]) ?? []),
      ])
      .get()
      .filter(Boolean);
  };
  const json = JSON.parse(site.read("/feeds/news.json")) as { items: { url: string; content_html: string }[] };
  const content = json.items.find((entry) => entry.url.endsWith("/mou-signed/"))?.content_html ?? "";
  const width = (name: string) => Number(/-(\d+)\.\w+$/.exec(name)?.[1]);
  const byFormat = (format: string) =>
    images
      .filter((name) => name.endsWith(`.${format}`))
      .sort((a, b) => width(a) - width(b))
      .map(at);
  assert.equal(urls(content), [
    ...byFormat("avif"),
    ...byFormat("webp"),
    at(images.find((name) => name.endsWith("-240.jpeg")) ?? ""),
    ...byFormat("jpeg"),
    at("files/guide.pdf"),
  ]);
  const atom = cheerio.load(site.read("/feeds/news.xml"), { xml: true });
  const entry = atom("entry").filter((_, node) => atom(node).find("id").text().endsWith("/mou-signed/"));
  assert.equal(urls(entry.find("content").text()), urls(content));
});

test("no published image carries EXIF, XMP, IPTC or GPS, though the photo had all of them", async () => {
  const source = await exifr.parse(photo, { gps: true, xmp: true, iptc: true });
  assert.is(source.SerialNumber, "SN-123456");
  assert.is(Math.round(source.latitude), 52);
  for (const name of images) {
    const file = path.join(itemDir, name);
    const metadata = await sharp(file).metadata();
    assert.equal(
      [name, metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation],
      [name, undefined, undefined, undefined, undefined],
    );
    // exifr reads JPEG and AVIF (not WebP, which sharp's check above covers).
    if (!name.endsWith(".webp"))
      assert.is(await exifr.parse(file, { gps: true, xmp: true, iptc: true }), undefined, name);
  }
});

test("with publishOriginals in _data/site.ts the original is published full size, linked, metadata gone", async () => {
  const settings = siteSettings.media;
  if (!settings) throw new Error("_data/site.ts has no media settings");
  siteSettings.media = { ...settings, publishOriginals: true };
  let built: Awaited<ReturnType<typeof buildSite>>;
  try {
    built = await buildSite(writeContent(bundle), { mediaCacheDir: tempDir("media-cache-") });
  } finally {
    siteSettings.media = settings;
  }
  const dir = path.join(built.outDir, "news/2023/mou-signed");
  const originals = readdirSync(dir).filter((name) => name.startsWith("original-"));
  assert.equal(
    originals.map((name) => name.replace(/-[\w-]+-(?=\d+\.\w+$)/, "-…-")),
    ["original-…-1600.jpeg"],
  );
  const link = page(built.read("/news/2023/mou-signed/"))("article > figure figcaption a[download]");
  assert.equal([link.attr("href"), link.text()], [`/news/2023/mou-signed/${originals[0]}`, "Original image (JPEG)"]);
  const file = path.join(dir, originals[0] ?? "");
  const metadata = await sharp(file).metadata();
  assert.equal(
    [metadata.width, metadata.height, metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation],
    [1600, 1000, undefined, undefined, undefined, undefined],
  );
  assert.is(await exifr.parse(file, { gps: true, xmp: true, iptc: true }), undefined);
});

test("the build prints images processed and reused; a second build reuses every image", async () => {
  assert.equal(site.report.media, {
    ...site.report.media,
    images: 1,
    processed: 1,
    reused: 0,
    documents: 1,
    warnings: [],
  });
  assert.ok(
    lines.some((line) => line.startsWith("media     1 image: 1 processed, 0 reused; 1 document")),
    lines.join("\n"),
  );
  const again = await buildSite(writeContent(bundle), { mediaCacheDir: cacheDir });
  assert.equal([again.report.media.processed, again.report.media.reused], [0, 1]);
  assert.equal(readdirSync(path.join(again.outDir, "news/2023/mou-signed")).sort(), readdirSync(itemDir).sort());
});

test("content errors name the file, the field or line, and what is allowed", async () => {
  const content = writeContent({
    "news/2023/missing/index.md": newsFile({
      title: "Missing",
      date: "2023-01-01",
      image: "\n  src: gone.jpg\n  alt: Gone",
    }),
    "news/2023/remote.md": newsFile({
      title: "Remote",
      date: "2023-01-01",
      image: "\n  src: https://example.org/a.jpg\n  alt: A",
    }),
    "news/2023/no-alt/index.md": newsFile({ title: "No alt", date: "2023-01-01", image: "\n  src: photo.jpg" }),
    "news/2023/no-alt/photo.jpg": photo,
    "news/2023/escape/index.md": newsFile({
      title: "Escape",
      date: "2023-01-01",
      documents: "\n  - src: ../plain.md\n    title: Out",
    }),
    "news/2023/plain.md": newsFile({ title: "Plain", date: "2023-01-01" }),
    "news/2023/types/index.md": newsFile(
      { title: "Types", date: "2023-01-01", image: "\n  src: logo.svg\n  alt: Logo" },
      "Text.\n\n![A body image](nowhere.png)\n",
    ),
    "news/2023/types/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
  });
  const error = await buildFailure(content, { mediaCacheDir: cacheDir });
  assert.is(error.phase, "validate");
  const at = (file: string) => path.join(content, file);
  assert.equal(error.message.split("\n").slice(1).sort(), [
    `  ${at("news/2023/escape/index.md")}:5: documents[0].src "../plain.md" is outside the item's folder: keep the ` +
      `item's files beside its Markdown file`,
    `  ${at("news/2023/missing/index.md")}:5: image.src "gone.jpg" does not exist: no ` +
      `file ${at("news/2023/missing/gone.jpg")}`,
    `  ${at("news/2023/no-alt/index.md")}:4: image.alt is required: it must describe the image for readers who ` +
      `cannot see it, or be "" for a purely decorative image`,
    `  ${at("news/2023/remote.md")}:5: image.src "https://example.org/a.jpg" is an address: only files of the ` +
      `archive's own are published; save the file beside the content file and write its name, e.g. photo.jpg`,
    `  ${at("news/2023/types/index.md")}:10: "nowhere.png" does not exist: no ` +
      `file ${at("news/2023/types/nowhere.png")}`,
    `  ${at("news/2023/types/index.md")}:5: image.src "logo.svg" is not a supported image type (allowed: .jpg, ` +
      `.jpeg, .png, .webp, .avif, .gif, .tif, .tiff)`,
  ]);
});

test("an image that cannot be decoded fails the build naming file and field; the last good output stays", async () => {
  const content = writeContent(bundle);
  const good = await buildSite(content, { mediaCacheDir: cacheDir });
  const before = hashTree(good.outDir);
  writeFileSync(path.join(content, "news/2023/mou-signed/photo.jpg"), "this is not a JPEG");
  const error = await buildFailure(content, { outDir: good.outDir, mediaCacheDir: cacheDir });
  assert.is(error.phase, "media");
  assert.match(
    error.message,
    `${path.join(content, "news/2023/mou-signed/index.md")}:5: image.src "photo.jpg" cannot be read as an image (`,
  );
  assert.is(hashTree(good.outDir), before);

  rmSync(path.join(content, "news/2023/mou-signed/photo.jpg"));
  const removed = await buildFailure(content, { outDir: good.outDir, mediaCacheDir: cacheDir });
  assert.is(removed.phase, "validate");
  assert.match(removed.message, `image.src "photo.jpg" does not exist`);
  assert.is(hashTree(good.outDir), before);
});

test("an unreadable PDF and a narrow image are warnings: the document is listed, not indexed", async () => {
  const warnings: string[] = [];
  const narrow = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#777" } })
    .jpeg()
    .toBuffer();
  const content = writeContent({
    "news/2023/odd/index.md": newsFile({
      title: "Odd",
      date: "2023-01-01",
      image: '\n  src: small.jpg\n  alt: ""',
      documents: "\n  - src: broken.pdf\n    title: Broken",
    }),
    "news/2023/odd/small.jpg": narrow,
    "news/2023/odd/broken.pdf": "%PDF-1.4\nnot really a PDF\n",
  });
  const built = await buildSite(content, {
    mediaCacheDir: tempDir("media-cache-"),
    log: (line) => line.startsWith("warning") && warnings.push(line),
  });
  const file = path.join(content, "news/2023/odd/index.md");
  assert.equal(warnings, [
    `warning: ${file}:5: image.src: image small.jpg is 400 px wide, narrower than the 672 px of the article column: ` +
      `it will look blurred or small`,
    `warning: ${file}:8: documents[0].src: broken.pdf cannot be read (it is not a readable PDF: Invalid PDF ` +
      `structure.): it is listed on the page but its text is not searchable`,
  ]);
  const odd = page(built.read("/news/2023/odd/"));
  assert.is(odd(".documents h3").text(), "Broken (PDF)");
  assert.is(text(odd(".documents .meta")), "PDF, 26 B");
  assert.is(odd(".document-text").length, 0);
  assert.is(odd("figure img").attr("alt"), "");
});

test("a password-protected PDF is a warning naming the file: listed, downloadable, its text not indexed", async () => {
  const warnings: string[] = [];
  const encrypted = readFileSync(path.join(import.meta.dirname, "../fixtures/media/password-protected.pdf"));
  const content = writeContent({
    "news/2023/locked/index.md": newsFile(
      { title: "Locked", date: "2023-01-01", documents: "\n  - src: agreement.pdf\n    title: The agreement" },
      "An agreement was signed.\n",
    ),
    "news/2023/locked/agreement.pdf": encrypted,
  });
  const built = await buildSite(content, {
    mediaCacheDir: tempDir("media-cache-"),
    log: (line) => line.startsWith("warning") && warnings.push(line),
  });
  assert.equal(warnings, [
    `warning: ${path.join(content, "news/2023/locked/index.md")}:5: documents[0].src: agreement.pdf cannot be read ` +
      `(it is password-protected): it is listed on the page but its text is not searchable`,
  ]);
  const locked = page(built.read("/news/2023/locked/"));
  assert.is(locked(".documents h3").text(), "The agreement (PDF)");
  assert.is(text(locked(".documents .meta")), "PDF, 2 kB");
  assert.is(locked(".documents a[download]").attr("href"), "agreement.pdf");
  assert.is(locked(".document-text").length, 0);
  assert.equal(readFileSync(path.join(built.outDir, "news/2023/locked/agreement.pdf")), encrypted);
  const fragments = readdirSync(path.join(built.outDir, "pagefind/fragment")).map(
    (name) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(built.outDir, "pagefind/fragment", name)))
          .toString("utf8")
          .replace(/^pagefind_dcd/, ""),
      ) as { url: string; content: string },
  );
  assert.is(
    fragments.find((fragment) => fragment.url === "/news/2023/locked/")?.content,
    "Locked. An agreement was signed. The agreement (PDF).",
  );
});

test("the media phase returns new items with pictures and PDF text, leaving the items it was given alone", async () => {
  const { content } = readContent({ contentDir: writeContent(bundle), site: siteSettings, topics, conferences });
  const given = content.news.find((news) => news.title === "MoU signed")!;
  const before = JSON.stringify(given);
  const { items } = await processMedia(content.news, { siteDir: tempDir("media-site-"), cacheDir });
  assert.equal([...items.keys()], ["/news/2023/mou-signed/"]);
  const returned = items.get("/news/2023/mou-signed/")!;
  assert.is(JSON.stringify(given), before);
  assert.is(given.files?.image?.picture, undefined);
  assert.equal(returned.files?.image?.figure?.caption, "The signing table");
  assert.equal(returned.files?.documents[0]?.text, [
    "Special investigative techniques and zygomorphic cooperation.",
    "The second page.",
  ]);
  // The body image's placeholder, left by the reader, is replaced by its picture in the returned item only.
  assert.match(given.html, "<!--body-image:0-->");
  assert.not.match(returned.html, "<!--body-image:");
  assert.match(returned.html, '<picture><source type="image/avif"');
});

test.run();
