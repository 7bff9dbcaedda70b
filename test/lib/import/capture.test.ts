/**
 * Reading a crawl (scripts/lib/import/capture.ts): the tests' old site as WARC, WARC.gz, WACZ and wget mirror, and each
 * bad input's message.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WARCRecord } from "warcio";
import { mirrorFileOf } from "../../../scripts/bench/old-site.ts";
import {
  ImportSourceError,
  readCaptures,
  type Capture,
  type ReadOptions,
  type ReadProgress,
} from "../../../scripts/lib/import/capture.ts";
import { mirrorUrlOf, urlPart } from "../../../scripts/lib/import/mirror-reader.ts";
import { serialise } from "../../../scripts/lib/snapshot/warc.ts";
import { displayPath } from "../../../scripts/lib/util/paths.ts";
import { oldSiteRoot, paths, writeOldSite, type WrittenOldSite } from "../../support/old-site.ts";
import { tempDir } from "../../support/site.ts";

const site: WrittenOldSite = await writeOldSite();
const at = (pathAndQuery: string) => `${oldSiteRoot}${pathAndQuery}`;
const mou = at(paths.mou);

async function read(
  source: string,
  options: ReadOptions = {},
): Promise<{ captures: Capture[]; progress: ReadProgress[] }> {
  const captures: Capture[] = [];
  const progress: ReadProgress[] = [];
  for await (const capture of readCaptures(source, { onProgress: (step) => progress.push(step), ...options }))
    captures.push(capture);
  return { captures, progress };
}

async function failure(source: string, options: ReadOptions = {}): Promise<string> {
  try {
    await read(source, options);
  } catch (error) {
    assert.instance(error, ImportSourceError);
    return (error as Error).message;
  }
  throw new Error(`expected ${source} to be refused`);
}

function file(name: string, bytes: Uint8Array | string): string {
  const target = path.join(tempDir("capture-"), name);
  writeFileSync(target, bytes);
  return target;
}

/** A WARC of one response record, written by hand with warcio, each record a gzip member. */
async function oneResponseWarc(
  headers: [string, string][],
  body: Uint8Array,
  url = at("/News/A"),
): Promise<Uint8Array> {
  const record = WARCRecord.create(
    {
      url,
      date: "2024-03-01T10:00:00Z",
      type: "response",
      warcVersion: "WARC/1.1",
      statusline: "HTTP/1.1 200 OK",
      httpHeaders: headers,
    },
    [body],
  );
  return serialise(record, body);
}

const crawlOrder = [
  [at("/News"), 200],
  [at("/News?page=2"), 200],
  [mou, 200],
  [at("/News/Old-Name"), 301],
  [`${mou}?viewmode=0`, 200],
  [`http://iap-association.org${paths.mou}`, 200],
  [at(paths.dublin), 200],
  [at(paths.moscow), 200],
  [at(paths.statement), 200],
  [at(paths.spanish), 200],
  [at("/About-Us"), 200],
  [at("/Login"), 200],
  [at("/News/No-Such-Page"), 404],
  [at(paths.mouPhoto), 200],
  [at(paths.dublinPhoto), 200],
  [at(paths.dublinReport), 200],
  [at(paths.logo), 200],
];

test("a WARC.gz gives every response in crawl order, decoded (gzip, brotli, chunked), revisits resolved", async () => {
  const { captures, progress } = await read(site.warc);
  assert.equal(
    captures.map((capture) => [capture.url, capture.status]),
    crawlOrder,
  );
  for (const [index, capture] of captures.entries()) {
    const response = site.responses[index];
    assert.ok(
      Buffer.from(capture.body).equals(Buffer.from(response?.body ?? [])),
      `${capture.url}: the body as the page was`,
    );
  }
  const byUrl = new Map(captures.map((capture) => [capture.url, capture]));
  assert.equal(byUrl.get(mou)?.headers, {
    "content-type": "text/html; charset=utf-8",
    date: "Fri, 01 Mar 2024 10:00:00 GMT",
    server: "Microsoft-IIS/8.5",
  });
  assert.is(byUrl.get(at("/News/Old-Name"))?.headers.location, mou);
  assert.is(byUrl.get(at(paths.spanish))?.headers["content-language"], "es");
  assert.is(byUrl.get(at(paths.moscow))?.headers["content-type"], "text/html; charset=windows-1252");
  const name = displayPath(site.warc);
  assert.is(byUrl.get(mou)?.origin, `${name}, record 7 at byte 4381 (${mou})`);
  assert.is(
    byUrl.get(`http://iap-association.org${paths.mou}`)?.origin,
    `${name}, record 13 at byte 10346 (http://iap-association.org${paths.mou})`,
  );
  assert.is(byUrl.get(mou)?.capturedAt, "2024-03-01T10:00:00Z");
  const size = readFileSync(site.warc).byteLength;
  assert.equal(progress[0], { records: 0, bytes: 0, totalBytes: size, unresolvedRevisits: 0 });
  assert.equal(progress.at(-1), { records: 35, bytes: size, totalBytes: size, unresolvedRevisits: 0 });
  assert.is(progress.length, 36);
});

test("the same WARC uncompressed gives the same captures, at its own offsets", async () => {
  const plain = file("crawl.warc", gunzipSync(readFileSync(site.warc)));
  const gz = (await read(site.warc)).captures;
  const { captures } = await read(plain);
  assert.equal(
    captures.map((capture) => [capture.url, capture.status, Buffer.from(capture.body).toString("base64")]),
    gz.map((capture) => [capture.url, capture.status, Buffer.from(capture.body).toString("base64")]),
  );
  assert.is(captures[2]?.origin, `${displayPath(plain)}, record 7 at byte 8457 (${mou})`);
});

test("a WACZ gives the captures of its WARC, named inside the zip", async () => {
  const warc = (await read(site.warc)).captures;
  const { captures, progress } = await read(site.wacz);
  assert.equal(
    captures.map((capture) => [capture.url, capture.status, Buffer.from(capture.body).toString("base64")]),
    warc.map((capture) => [capture.url, capture.status, Buffer.from(capture.body).toString("base64")]),
  );
  assert.is(captures[2]?.origin, `${displayPath(site.wacz)}, archive/crawl.warc.gz, record 7 at byte 4381 (${mou})`);
  assert.is(
    captures[5]?.url,
    `http://iap-association.org${paths.mou}`,
    "a revisit is resolved inside the zip too: the WARC is stored",
  );
  assert.equal(progress.at(-1), {
    records: 35,
    bytes: readFileSync(site.warc).byteLength,
    totalBytes: readFileSync(site.warc).byteLength,
    unresolvedRevisits: 0,
  });
});

test("a wget mirror gives each saved file as a 200 at its https URL, in byte order; nothing for 301, 404", async () => {
  const { captures, progress } = await read(site.mirror);
  assert.equal(
    captures.map((capture) => capture.url),
    [
      `https://iap-association.org${paths.mou}`,
      at("/About-Us"),
      at("/Login"),
      at(paths.statement),
      at(paths.moscow),
      at(paths.dublin),
      mou,
      `${mou}?viewmode=0`,
      at("/News"),
      at("/News?page=2"),
      at(paths.dublinReport),
      at(paths.dublinPhoto),
      at(paths.mouPhoto),
      at(paths.logo),
      at(paths.spanish),
    ],
  );
  assert.ok(captures.every((capture) => capture.status === 200));
  const byUrl = new Map(captures.map((capture) => [capture.url, capture]));
  assert.equal(byUrl.get(at(paths.dublinReport))?.headers, { "content-type": "application/pdf" });
  assert.equal(byUrl.get(at(paths.mouPhoto))?.headers, { "content-type": "image/jpeg" });
  // The charset a browser would guess: a page's declared one; else UTF-8 if the bytes are UTF-8, else windows-1252.
  assert.equal(byUrl.get(mou)?.headers, { "content-type": "text/html" });
  assert.equal(byUrl.get(at(paths.statement))?.headers, { "content-type": "text/html" });
  assert.equal(byUrl.get(at(paths.dublin))?.headers, { "content-type": "text/html; charset=utf-8" });
  assert.equal(byUrl.get(at(paths.moscow))?.headers, { "content-type": "text/html; charset=windows-1252" });
  assert.is(
    byUrl.get(at(paths.dublin))?.origin,
    displayPath(
      path.join(site.mirror, "www.iap-association.org/News/The-Dublin-Conference-–-outcome-report-of-the-21st.html"),
    ),
  );
  for (const response of site.responses.filter((answer) => answer.status === 200)) {
    const url = response.url.replace("http://", "https://");
    assert.ok(Buffer.from(byUrl.get(url)?.body ?? []).equals(Buffer.from(response.body)), `${url}: the body as saved`);
  }
  const total = captures.reduce((sum, capture) => sum + capture.body.byteLength, 0);
  assert.equal(progress[0], { records: 0, bytes: 0, totalBytes: total, unresolvedRevisits: 0 });
  assert.equal(progress.at(-1), { records: 15, bytes: total, totalBytes: total, unresolvedRevisits: 0 });
});

test("WARC and mirror hold the same pages: each page's path and bytes", async () => {
  const pages = (captures: Capture[]) =>
    [
      ...new Map(
        captures
          .filter((capture) => capture.status === 200)
          .map((capture) => [
            new URL(capture.url).host + new URL(capture.url).pathname + new URL(capture.url).search,
            Buffer.from(capture.body).toString("base64"),
          ]),
      ).entries(),
    ].sort();
  assert.equal(pages((await read(site.mirror)).captures), pages((await read(site.warc)).captures));
});

test("wanted: only the captures it accepts are given, the others read past", async () => {
  const asked: string[] = [];
  const wanted = (url: string, status: number, headers: Record<string, string>) => {
    asked.push(`${status} ${headers["content-type"]}`);
    return status === 200 && (headers["content-type"] ?? "").startsWith("image/");
  };
  const warc = await read(site.warc, { wanted });
  assert.equal(
    warc.captures.map((capture) => capture.url),
    [at(paths.mouPhoto), at(paths.dublinPhoto), at(paths.logo)],
  );
  assert.is(asked.length, 17);
  assert.is(asked[3], "301 text/html; charset=utf-8");
  const mirror = await read(site.mirror, { wanted });
  assert.equal(
    mirror.captures.map((capture) => capture.url),
    [at(paths.dublinPhoto), at(paths.mouPhoto), at(paths.logo)],
  );
  assert.equal(mirror.progress.at(-1)?.records, 15);
});

test("a revisit whose original response is not in the WARC is skipped and counted", async () => {
  const gz = readFileSync(site.warc);
  // Leaves out the MOU page's response record (its gzip member, 4381 to 6580), which the revisit refers to.
  const without = file("crawl.warc.gz", Buffer.concat([gz.subarray(0, 4381), gz.subarray(6580)]));
  const { captures, progress } = await read(without);
  assert.equal(captures.length, 15);
  assert.not.ok(captures.some((capture) => capture.url.startsWith("http://")));
  assert.is(progress.at(-1)?.unresolvedRevisits, 1);
});

test("a body that does not decode as its Content-Encoding says is kept as recorded, with the reason", async () => {
  const body = Buffer.from("<p>not gzipped</p>");
  const warc = file(
    "one.warc.gz",
    await oneResponseWarc(
      [
        ["Content-Type", "text/html"],
        ["Content-Encoding", "gzip"],
      ],
      body,
    ),
  );
  const { captures } = await read(warc);
  assert.ok(Buffer.from(captures[0]?.body ?? []).equals(body));
  assert.is(captures[0]?.problem, "its body is not valid gzip (Content-Encoding: gzip): kept as recorded");
  const unknown = file(
    "two.warc.gz",
    await oneResponseWarc(
      [
        ["Content-Type", "text/html"],
        ["Content-Encoding", "compress"],
      ],
      body,
    ),
  );
  assert.is(
    (await read(unknown)).captures[0]?.problem,
    `its Content-Encoding "compress" is not one the import reads (gzip, deflate, br): its body is kept as recorded`,
  );
});

test("file names map back to URLs: .html added by wget removed, index.html a folder, bytes percent-encoded", () => {
  const url = (...segments: (string | Buffer)[]) =>
    mirrorUrlOf(
      segments.map((segment) => (typeof segment === "string" ? Buffer.from(segment) : segment)),
      "here",
    ).url;
  assert.is(url("www.x.org", "News.html"), "https://www.x.org/News");
  assert.is(url("www.x.org", "News?page=2.html"), "https://www.x.org/News?page=2");
  assert.is(url("www.x.org", "News", "index.html"), "https://www.x.org/News/");
  assert.is(url("www.x.org", "index.html"), "https://www.x.org/");
  assert.is(url("www.x.org", "News", "index.html?page=2.html"), "https://www.x.org/News/?page=2");
  assert.is(url("www.x.org", "News", "A – B.html"), "https://www.x.org/News/A%20%E2%80%93%20B");
  assert.is(url("www.x.org", "Portals", "0", "100% final.pdf"), "https://www.x.org/Portals/0/100%25%20final.pdf");
  assert.is(url("www.x.org", "Login?returnurl=%2fNews.html"), "https://www.x.org/Login?returnurl=%2fNews");
  assert.is(url("www.x.org", "a%2Fb.htm"), "https://www.x.org/a%2Fb.htm");
  assert.is(url("www.x.org", "Search?q=a b#c.html"), "https://www.x.org/Search?q=a%20b%23c");
  assert.is(
    url("www.x.org:8080", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x68, 0x74, 0x6d, 0x6c])),
    "https://www.x.org:8080/caf%E9",
  );
  assert.is(urlPart(Buffer.from("a:b@c;d=e")), "a:b@c;d=e");
  assert.throws(
    () => url("www.x.org", "News", "...html"),
    (error: Error) =>
      error.message === `here: its address would have a "." or ".." segment, which climbs out of its folder`,
  );
  assert.throws(() => url("www.x.org", "%2e%2e", "a.html"), /climbs out of its folder/);
});

test("every page wget saves maps back to the URL it came from", () => {
  for (const response of site.responses.filter((answer) => answer.status === 200)) {
    const isHtml = response.headers.some(([name, value]) => name === "Content-Type" && value.startsWith("text/html"));
    const saved = mirrorFileOf(response.url, isHtml);
    assert.is(
      mirrorUrlOf(
        saved.split("/").map((segment) => Buffer.from(segment)),
        saved,
      ).url,
      response.url.replace("http://", "https://"),
    );
  }
});

test("bad WARCs: one line naming the file, the record and the reason", async () => {
  const gz = readFileSync(site.warc);
  const plain = gunzipSync(gz);
  const photoBody = plain.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const cases: [string, Uint8Array | string, (name: string) => string][] = [
    [
      "page.warc",
      "<!DOCTYPE html><html></html>",
      (name) => `${name}: not a WARC file (it does not start with "WARC/")`,
    ],
    ["empty.warc.gz", "", (name) => `${name}: not a WARC file (it is empty)`],
    [
      "page.warc.gz",
      gzipSync("<!DOCTYPE html><html></html>"),
      (name) => `${name}: not a WARC file (it does not start with "WARC/")`,
    ],
    [
      "noise.warc.gz",
      Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff]),
      (name) => `${name}: not a WARC file (it is gzipped, but its first record does not inflate)`,
    ],
    [
      "cut.warc.gz",
      gz.subarray(0, 24825 + 3000),
      (name) => `${name}, record 29 at byte 24825: the WARC ends inside this record: the file was cut short`,
    ],
    [
      "cut.warc",
      plain.subarray(0, photoBody + 100),
      (name) =>
        `${name}, record 29 at byte 43414 (${at(paths.mouPhoto)}): the WARC ends inside this record (100 of its ` +
        `8,637 bytes are there): the file was cut short`,
    ],
    [
      "cut-headers.warc",
      plain.subarray(0, photoBody - 300),
      (name) =>
        `${name}, record 29 at byte 43414 (${at(paths.mouPhoto)}): its WARC headers have no Content-Length: the ` +
        `file was cut short or is damaged here`,
    ],
    [
      "damaged.warc.gz",
      Buffer.concat([gz.subarray(0, 24825 + 2000), Buffer.alloc(50, 7), gz.subarray(24825 + 2050)]),
      (name) =>
        `${name}, record 29 at byte 24825: its gzip data is damaged, so the records from here on cannot be read`,
    ],
    [
      "spliced.warc",
      // Record 29 (at byte 43414, as warcio's indexer says) without its first 20 bytes.
      Buffer.concat([plain.subarray(0, 43414), plain.subarray(43414 + 20)]),
      (name) =>
        `${name}, record 29 at byte 43414 (${at(paths.mouPhoto)}): not a WARC record (it does not start with ` +
        `"WARC/"): the file is damaged here`,
    ],
    [
      "notes.txt",
      "hello",
      (name) => `${name}: not a .warc, .warc.gz or .wacz file, nor a folder saved by wget --mirror`,
    ],
  ];
  for (const [name, bytes, expected] of cases) {
    const source = file(name, bytes);
    assert.is(await failure(source), expected(displayPath(source)), name);
  }
  const missing = path.join(tempDir("capture-"), "missing.warc.gz");
  assert.is(await failure(missing), `${displayPath(missing)}: no such file or folder`);
});

test("a body over maxBodyBytes is refused, before it is read when its size is known", async () => {
  const name = displayPath(site.warc);
  assert.is(
    await failure(site.warc, { maxBodyBytes: 5000 }),
    `${name}, record 29 at byte 24825 (${at(paths.mouPhoto)}): its body is 8,637 bytes, more than the 5,000 bytes ` +
      `allowed`,
  );
  assert.is(
    await failure(site.warc, { maxBodyBytes: 3000 }),
    `${name}, record 7 at byte 4381 (${mou}): its body is larger once decoded, more than the 3,000 bytes allowed`,
  );
  // A 60 MB page against the default limit: refused from its headers, though the file holds only its first bytes.
  const member = gunzipSync(await oneResponseWarc([["Content-Type", "text/html"]], Buffer.alloc(10, 0x20))).toString(
    "latin1",
  );
  // The record's block is its HTTP headers and the 10-byte body: made to say the body is 60 MB.
  const declared = member.replace(
    /Content-Length: (\d+)/,
    (_, length: string) => `Content-Length: ${Number(length) - 10 + 60_000_000}`,
  );
  const source = file("huge.warc", Buffer.from(declared, "latin1"));
  assert.is(
    await failure(source),
    `${displayPath(source)}, record 1 at byte 0 (${at("/News/A")}): its body is 60,000,000 bytes, more than the ` +
      `50,000,000 bytes allowed`,
  );
  const ignored = await read(source, { wanted: () => false }).catch((error: Error) => error.message);
  // Not wanted, its body is read past, and the file ends first: the 10 bytes and the record's closing CRLF CRLF.
  assert.is(
    ignored,
    `${displayPath(source)}, record 1 at byte 0 (${at("/News/A")}): the WARC ends inside this record (14 of its ` +
      `60,000,000 bytes are there): the file was cut short`,
  );
});

test("bad WACZ files: not a zip, a zip without WARCs", async () => {
  const notZip = file("crawl.wacz", "PK\u0003\u0004 not really a zip");
  assert.is(
    await failure(notZip),
    `${displayPath(notZip)}: not a zip file, so not a WACZ (End of central directory record signature not found. ` +
      `Either not a zip file, or file is truncated.)`,
  );
  const cut = file("cut.wacz", readFileSync(site.wacz).subarray(0, 30_000));
  assert.is(
    await failure(cut),
    `${displayPath(cut)}: not a zip file, so not a WACZ (End of central directory record signature not found. ` +
      `Either not a zip file, or file is truncated.)`,
  );
  const { writeZip } = await import("../../../scripts/lib/snapshot/zip.ts");
  const empty = path.join(tempDir("capture-"), "empty.wacz");
  await writeZip(empty, [{ name: "datapackage.json", size: 2, read: () => Buffer.from("{}") }], "2024-03-01");
  assert.is(await failure(empty), `${displayPath(empty)}: holds no WARC in archive/, so it is not a WACZ`);
});

test("bad mirrors: links out of the folder, dot names, not a host, not a file, empty, a 60 MB page", async () => {
  const mirror = () => {
    const dir = tempDir("mirror-");
    mkdirSync(path.join(dir, "www.x.org/News"), { recursive: true });
    writeFileSync(path.join(dir, "www.x.org/News.html"), "<p>news</p>");
    return dir;
  };
  const linked = mirror();
  symlinkSync("/etc/passwd", path.join(linked, "www.x.org/News/passwd.html"));
  assert.is(
    await failure(linked),
    `${displayPath(path.join(linked, "www.x.org/News/passwd.html"))}: a symbolic link to /etc/passwd, outside the ` +
      `mirror folder`,
  );
  const folderLink = mirror();
  symlinkSync(path.join(folderLink, "www.x.org/News"), path.join(folderLink, "www.x.org/Old"));
  assert.is(
    await failure(folderLink),
    `${displayPath(path.join(folderLink, "www.x.org/Old"))}: a symbolic link to a folder (wget writes none: copy ` +
      `the folder instead)`,
  );
  const insideLink = mirror();
  symlinkSync(path.join(insideLink, "www.x.org/News.html"), path.join(insideLink, "www.x.org/Latest.html"));
  assert.equal(
    (await read(insideLink)).captures.map((capture) => capture.url),
    ["https://www.x.org/Latest", "https://www.x.org/News"],
  );
  const dots = mirror();
  writeFileSync(path.join(dots, "www.x.org/News/...html"), "<p>up</p>");
  assert.is(
    await failure(dots),
    `${displayPath(path.join(dots, "www.x.org/News/...html"))}: its address would have a "." or ".." segment, which ` +
      `climbs out of its folder`,
  );
  const notHost = mirror();
  mkdirSync(path.join(notHost, "My Pages"));
  assert.is(
    await failure(notHost),
    `${displayPath(path.join(notHost, "My Pages"))}: not a host name: wget --mirror saves each host as a folder ` +
      `(www.example.org)`,
  );
  const pipe = mirror();
  execFileSync("mkfifo", [path.join(pipe, "www.x.org/News/feed.html")]);
  assert.is(await failure(pipe), `${displayPath(path.join(pipe, "www.x.org/News/feed.html"))}: not a regular file`);
  const empty = tempDir("mirror-");
  writeFileSync(path.join(empty, "wget.log"), "log");
  assert.is(
    await failure(empty),
    `${displayPath(empty)}: holds no saved pages (wget --mirror saves the site under a folder named after its host, ` +
      `www.example.org)`,
  );
  const huge = mirror();
  writeFileSync(path.join(huge, "www.x.org/News/Huge.html"), "");
  truncateSync(path.join(huge, "www.x.org/News/Huge.html"), 60_000_000);
  assert.is(
    await failure(huge),
    `${displayPath(path.join(huge, "www.x.org/News/Huge.html"))}: its body is 60,000,000 bytes, more than the ` +
      `50,000,000 bytes allowed`,
  );
});

test.run();
