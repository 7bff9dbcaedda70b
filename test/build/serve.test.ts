/**
 * `npm run serve` on a real built site, over real HTTP: each file with the type a host sends,
 * text gzipped, the site's 404 page, byte ranges (a WACZ's replay reads the end of the zip first)
 * and a base path.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serveSite } from "../../scripts/lib/util/static-server.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { buildSite, newsFile, repoRoot, tempDir, writeContent } from "../support/site.ts";

const guide = await pdfWithText(["The guide."]);
const site = await buildSite(
  writeContent({
    "news/2023/mou-signed/index.md": newsFile(
      { title: "MoU signed", date: "2023-11-14", image: "\n  src: photo.jpg\n  alt: A yellow circle", documents: "\n  - src: guide.pdf\n    title: Guide" },
      "The associations signed.\n",
    ),
    "news/2023/mou-signed/photo.jpg": await photoWithGps(),
    "news/2023/mou-signed/guide.pdf": guide,
  }),
  { mediaCacheDir: tempDir("media-cache-") },
);
// A JPEG under its usual extension (the build publishes .jpeg): a host serves what it is given.
writeFileSync(path.join(site.outDir, "photo.jpg"), await photoWithGps());
const itemDir = path.join(site.outDir, "news/2023/mou-signed");
const image = (extension: string) => readdirSync(itemDir).find((name) => name.endsWith(`-240.${extension}`));
const stylesheet = readdirSync(path.join(site.outDir, "assets")).find((name) => name.endsWith(".css"));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm run serve -- <site> --port N [...]`, once it says it is serving. */
async function serve(...args: string[]): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", site.outDir, "--port", String(port), ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("serving") && resolve()));
  return { url: `http://localhost:${port}`, process: child };
}

const root = await serve();
const head = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, type: response.headers.get("content-type"), body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
};

test("each file is sent with its type: an attached PDF as application/pdf, a .jpg as image/jpeg", async () => {
  const types = await Promise.all(
    [
      "/news/2023/mou-signed/guide.pdf",
      "/photo.jpg",
      `/news/2023/mou-signed/${image("jpeg")}`,
      `/news/2023/mou-signed/${image("webp")}`,
      `/news/2023/mou-signed/${image("avif")}`,
      "/news/2023/mou-signed/",
      `/assets/${stylesheet}`,
      "/pagefind/pagefind.js",
      "/feeds/news.json",
      "/sitemap.xml",
      "/robots.txt",
    ].map(async (file) => [file.replace(/[\w-]+-240\./, "…-240.").replace(/site\.\w+\.css/, "site.….css"), (await head(`${root.url}${file}`)).type]),
  );
  assert.equal(types, [
    ["/news/2023/mou-signed/guide.pdf", "application/pdf"],
    ["/photo.jpg", "image/jpeg"],
    ["/news/2023/mou-signed/…-240.jpeg", "image/jpeg"],
    ["/news/2023/mou-signed/…-240.webp", "image/webp"],
    ["/news/2023/mou-signed/…-240.avif", "image/avif"],
    ["/news/2023/mou-signed/", "text/html; charset=utf-8"],
    ["/assets/site.….css", "text/css; charset=utf-8"],
    ["/pagefind/pagefind.js", "text/javascript; charset=utf-8"],
    ["/feeds/news.json", "application/json; charset=utf-8"],
    ["/sitemap.xml", "application/xml"],
    ["/robots.txt", "text/plain; charset=utf-8"],
  ]);
  assert.equal((await head(`${root.url}/news/2023/mou-signed/guide.pdf`)).body, Buffer.from(guide));
});

test("text is gzipped for a browser that asks; the bytes are the page's", async () => {
  // node:http, not fetch: fetch would unzip the body before the test could see it.
  const { encoding, body } = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) =>
    get(`${root.url}/news/2023/mou-signed/`, { headers: { "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
    }).on("error", reject),
  );
  assert.is(encoding, "gzip");
  assert.equal(gunzipSync(body), readFileSync(path.join(itemDir, "index.html")));
});

test("a byte range, the last N bytes included, is answered with 206 and just those bytes", async () => {
  const pdf = `${root.url}/news/2023/mou-signed/guide.pdf`;
  const last = await head(pdf, { range: "bytes=-6" });
  assert.is(last.status, 206);
  assert.is(last.headers.get("content-range"), `bytes ${guide.length - 6}-${guide.length - 1}/${guide.length}`);
  assert.equal(last.body, Buffer.from(guide).subarray(-6));
  assert.equal((await head(pdf, { range: "bytes=0-3" })).body.toString(), "%PDF");
});

test("an unknown path gets the site's 404 page with status 404", async () => {
  const missing = await head(`${root.url}/news/2023/no-such-item/`);
  assert.equal([missing.status, missing.type], [404, "text/html; charset=utf-8"]);
  assert.equal(missing.body, readFileSync(path.join(site.outDir, "404.html")));
});

test("under --base-path /archive/, the site answers there and nowhere else", async () => {
  const archive = await serve("--base-path", "/archive/");
  try {
    assert.is((await head(`${archive.url}/archive/news/2023/mou-signed/guide.pdf`)).type, "application/pdf");
    assert.is((await head(`${archive.url}/archive/`)).status, 200);
    assert.is((await head(`${archive.url}/news/2023/mou-signed/guide.pdf`)).status, 404);
  } finally {
    archive.process.kill();
  }
});

test("a page served beside the site (the bench's default-UI page) is HTML, and the site is not written to", async () => {
  const server = await serveSite(site.outDir, { extraPages: new Map([["/bench-default-ui/", "<!doctype html><title>Default UI</title>"]]) });
  try {
    const page = await head(`${server.url}/bench-default-ui/`);
    assert.equal([page.status, page.type, page.body.toString()], [200, "text/html; charset=utf-8", "<!doctype html><title>Default UI</title>"]);
    assert.not.ok(readdirSync(site.outDir).includes("bench-default-ui"));
  } finally {
    await server.close();
  }
});

test.after(() => {
  root.process.kill();
});

test.run();
