/**
 * `npm run serve` on a real built site, over real HTTP: each file with the type a host sends,
 * text gzipped, the site's 404 page, byte ranges (a WACZ's replay reads the end of the zip first)
 * and a base path; on loopback unless --host opens it; a malformed request or an unreadable file
 * answered, never the end of the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serveSite } from "../../scripts/lib/util/static-server.ts";
import { pdfWithText, photoWithGps } from "../support/media.ts";
import { listeningAddresses } from "../support/listening.ts";
import { buildSite, newsFile, repoRoot, tempDir, writeContent } from "../support/site.ts";

const guide = await pdfWithText(["The guide."]);
const site = await buildSite(
  writeContent({
    "news/2023/mou-signed/index.md": newsFile(
      {
        title: "MoU signed",
        date: "2023-11-14",
        image: "\n  src: photo.jpg\n  alt: A yellow circle",
        documents: "\n  - src: guide.pdf\n    title: Guide",
      },
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

/** `npm run serve -- <site> --port N [...]`, once it says it is serving, with what it printed until then. */
async function serve(
  ...args: string[]
): Promise<{ url: string; port: number; printed: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", site.outDir, "--port", String(port), ...args],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
  );
  let printed = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes("serving")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm run serve exited (${code}) before serving:\n${printed}`)));
  });
  return { url: `http://localhost:${port}`, port, printed, process: child };
}

const root = await serve();
const head = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
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
    ].map(async (file) => [
      file.replace(/[\w-]+-240\./, "…-240.").replace(/site\.\w+\.css/, "site.….css"),
      (await head(`${root.url}${file}`)).type,
    ]),
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
      response.on("end", () =>
        resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }),
      );
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

test("under --base-path /archive/ the site answers there and nowhere else; /archive redirects (301)", async () => {
  const archive = await serve("--base-path", "/archive/");
  try {
    assert.is((await head(`${archive.url}/archive/news/2023/mou-signed/guide.pdf`)).type, "application/pdf");
    assert.is((await head(`${archive.url}/archive/`)).status, 200);
    assert.is((await head(`${archive.url}/news/2023/mou-signed/guide.pdf`)).status, 404);
    // As hosts answer a folder named without its slash.
    const bare = await fetch(`${archive.url}/archive?q=mou`, { redirect: "manual" });
    assert.equal([bare.status, bare.headers.get("location")], [301, "/archive/?q=mou"]);
    assert.is((await head(`${archive.url}/archiv`)).status, 404);
  } finally {
    archive.process.kill();
  }
});

test("a page served beside the site (the bench's default-UI page) is HTML; the site is not written to", async () => {
  const server = await serveSite(site.outDir, {
    extraPages: new Map([["/bench-default-ui/", "<!doctype html><title>Default UI</title>"]]),
  });
  try {
    const page = await head(`${server.url}/bench-default-ui/`);
    assert.equal(
      [page.status, page.type, page.body.toString()],
      [200, "text/html; charset=utf-8", "<!doctype html><title>Default UI</title>"],
    );
    assert.not.ok(readdirSync(site.outDir).includes("bench-default-ui"));
  } finally {
    await server.close();
  }
});

test("it listens on 127.0.0.1 only; --host opens it to the network, with a warning", async () => {
  assert.equal(listeningAddresses(root.port), ["127.0.0.1"]);
  const open = await serve("--host", "0.0.0.0");
  try {
    assert.equal(listeningAddresses(open.port), ["0.0.0.0"]);
    assert.is(
      open.printed,
      `warning: listening on every network interface (0.0.0.0), not on this computer only: anyone who can reach it ` +
        `on the network can open every file in ${site.outDir}\n` +
        `serving ${site.outDir} at http://localhost:${open.port}/ (Ctrl+C stops)\n`,
    );
  } finally {
    open.process.kill();
  }
});

test("a malformed request gets a 400, and the server goes on", async () => {
  const answers = [];
  for (const target of ["/%", "/%E0%A4", "/%c0%ae%c0%ae/x", "/%2e%2e%2fx", "/news/%00/"]) {
    const response = await head(`${root.url}${target}`);
    answers.push([response.status, response.body.toString()]);
  }
  assert.equal(answers, [
    [400, 'bad request: "/%" is not a valid address: "%" is not UTF-8 percent-encoding\n'],
    [400, 'bad request: "/%E0%A4" is not a valid address: "%E0%A4" is not UTF-8 percent-encoding\n'],
    [400, 'bad request: "/%c0%ae%c0%ae/x" is not a valid address: "%c0%ae%c0%ae" is not UTF-8 percent-encoding\n'],
    [400, 'bad request: "/%2e%2e%2fx" is not a valid address: "%2e%2e%2fx" hides "/" in a path segment\n'],
    [400, 'bad request: "/news/%00/" is not a valid address: "%00" hides a NUL character in a path segment\n'],
  ]);
  assert.is((await head(`${root.url}/news/2023/mou-signed/`)).status, 200);
  assert.is(root.process.exitCode, null);
});

test("an unreadable file gets a 500 (or a cut response once headers are sent), and the server goes on", async () => {
  // Reading /proc/self/mem from its start fails with EIO: a file the server can stat but not read.
  const unreadable = tempDir("unreadable-site-");
  writeFileSync(path.join(unreadable, "index.html"), "<!doctype html><title>Home</title>");
  symlinkSync("/proc/self/mem", path.join(unreadable, "notes.txt"));
  symlinkSync("/proc/self/mem", path.join(unreadable, "data.bin"));
  const server = await serveSite(unreadable);
  try {
    assert.equal(await head(`${server.url}/notes.txt`).then(({ status, body }) => [status, body.toString()]), [
      500,
      "server error: the device reported an input/output error: the disk may be failing (EIO)\n",
    ]);
    const cut = await fetch(`${server.url}/data.bin`).then(
      (response) => response.arrayBuffer().then(() => "read whole"),
      (error: Error) => `${error.message}: ${(error.cause as Error).message}`,
    );
    assert.is(cut, "fetch failed: other side closed");
    assert.is((await head(`${server.url}/`)).body.toString(), "<!doctype html><title>Home</title>");
  } finally {
    await server.close();
  }
});

test.after(() => {
  root.process.kill();
});

test.run();
