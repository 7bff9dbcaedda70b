/**
 * A snapshot as a web archive (scripts/lib/snapshot/wacz.ts, warc.ts): the WACZ's files, its WARC
 * read back with warcio (every record at its live URL, every digest matching), its sorted index,
 * its pages with their text; `npm run verify` passes it and names the record a changed byte is in;
 * the same content and date give the same bytes, with or without the bag; a document whose name
 * holds `%`, `#` or `?` is archived at the URL its page links to.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WARCParser } from "warcio";
import { repoRoot } from "../../scripts/lib/util/repo-root.ts";
import { makeSnapshot } from "../../scripts/lib/build/make-snapshot.ts";
import { archiveLiveSite, writeWacz } from "../../scripts/lib/snapshot/wacz.ts";
import { cdxjLine, responseRecord, warcinfoRecord } from "../../scripts/lib/snapshot/warc.ts";
import { readZip, writeZip } from "../../scripts/lib/snapshot/zip.ts";
import { newsFile, tempDir, writeContent } from "../support/site.ts";
import { dataDescriptorFlag, zipHeaders } from "../support/zip-headers.ts";

const content = writeContent({
  "news/2023/launch.md": newsFile(
    { title: "Launch of the wombat programme", date: "2023-03-10", aliases: "[/News/Wombat-Launch]" },
    "The Fiscalía joined the wombat programme.\n\n" +
      "It follows [the agreement](/news/2023/cooperation/) and [the 2021 workshop](/news/2021/middle/).\n",
  ),
  "news/2023/cooperation.md": newsFile(
    { title: "Cooperation agreement", date: "2023-06-01" },
    "An agreement on quokka habitats was signed.\n",
  ),
  "news/2021/middle.md": newsFile({ title: "Middle item", date: "2021-07-15" }, "A workshop of 2021.\n"),
  "news/2023/files/index.md": newsFile(
    {
      title: "Files of the meeting",
      date: "2023-02-01",
      documents:
        '\n  - src: "100%25 final.txt"\n    title: Final\n  - src: "report#1.txt"\n    title: Report\n' +
        '  - src: "what?.txt"\n    title: Questions',
    },
    "The meeting's files.\n",
  ),
  "news/2023/files/100% final.txt": "The final text.\n",
  "news/2023/files/report#1.txt": "Report number one.\n",
  "news/2023/files/what?.txt": "Questions asked.\n",
});
const live = "https://archive.iap-association.org/";
const options = { contentDir: content, period: { from: 2023, to: 2023 }, takenOn: "2025-06-01" };
const first = path.join(tempDir("wacz-one-"), "iap-2023");
const second = path.join(tempDir("wacz-two-"), "iap-2023");
const report = await makeSnapshot({ ...options, outDir: first, wacz: "also" });
const onlyReport = await makeSnapshot({ ...options, outDir: second, wacz: "only" });
const waczPath = `${first}.wacz`;
const files = new Map((await readZip(waczPath)).map((entry) => [entry.name, entry]));
const warc = files.get("archive/data.warc.gz")?.read() ?? Buffer.alloc(0);
const text = (name: string) => files.get(name)?.read().toString("utf8") ?? "";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Response {
  url: string;
  status: number | undefined;
  headers: Record<string, string>;
  payload: Buffer;
  warcHeaders: Record<string, string>;
}

/** Every record of the WARC, read with warcio's parser as a web-archive tool reads it. */
async function readRecords(): Promise<Response[]> {
  const records: Response[] = [];
  for await (const record of new WARCParser([warc])) {
    const payload = Buffer.from(await record.readFully(false));
    records.push({
      url: record.warcTargetURI ?? "",
      status: record.httpHeaders?.statusCode === undefined ? undefined : Number(record.httpHeaders.statusCode),
      headers: Object.fromEntries(
        [...(record.httpHeaders?.headers ?? [])].map(([name, value]) => [name.toLowerCase(), value]),
      ),
      payload,
      warcHeaders: Object.fromEntries(
        [...record.warcHeaders.headers].map(([name, value]) => [name.toLowerCase(), value]),
      ),
    });
  }
  return records;
}
const records = await readRecords();
const byUrl = new Map(records.map((record) => [record.url, record]));

test("the WACZ holds the WARC (stored as it is), the index, the pages and the datapackage with its digest", () => {
  assert.equal(
    [...files.keys()],
    ["archive/data.warc.gz", "datapackage-digest.json", "datapackage.json", "indexes/index.cdxj", "pages/pages.jsonl"],
  );
  assert.ok(files.get("archive/data.warc.gz")?.stored);
  const datapackage = JSON.parse(text("datapackage.json")) as Record<string, unknown>;
  assert.equal(
    { ...datapackage, resources: undefined },
    {
      profile: "data-package",
      wacz_version: "1.1.1",
      title: "IAP News Archive, 2023",
      description:
        "Web archive of IAP News Archive (International Association of Prosecutors), 2023, as published on 2025-06-01.",
      created: "2025-06-01T12:00:00Z",
      software: report.info.generator,
      mainPageUrl: live,
      mainPageDate: "2025-06-01T12:00:00Z",
      resources: undefined,
    },
  );
  assert.equal(
    datapackage.resources,
    ["archive/data.warc.gz", "indexes/index.cdxj", "pages/pages.jsonl"].map((name) => {
      const bytes = files.get(name)?.read() ?? Buffer.alloc(0);
      return { name: path.posix.basename(name), path: name, hash: `sha256:${sha256(bytes)}`, bytes: bytes.byteLength };
    }),
  );
  assert.equal(JSON.parse(text("datapackage-digest.json")), {
    path: "datapackage.json",
    hash: `sha256:${sha256(files.get("datapackage.json")?.read() ?? Buffer.alloc(0))}`,
  });
});

test("warcio reads every record: a warcinfo, then a response per published file, matching its sha256", () => {
  const bag = readFileSync(path.join(first, "manifest-sha512.txt"), "utf8").trim().split("\n");
  assert.is(records[0]?.warcHeaders["warc-type"], "warcinfo");
  assert.ok(records.length > 1);
  // Every file of the bag but the disk search's index (written for reading from disk) and the host's _headers.
  assert.is(records.length - 1, bag.length - 2);
  for (const record of records.slice(1)) {
    assert.is(record.warcHeaders["warc-type"], "response", record.url);
    assert.is(record.warcHeaders["warc-payload-digest"], `sha256:${sha256(record.payload)}`, record.url);
    assert.is(record.warcHeaders["warc-date"], "2025-06-01T12:00:00Z");
    assert.ok(record.url.startsWith(live), record.url);
    assert.is(record.headers["content-length"], String(record.payload.byteLength), record.url);
  }
  assert.is(new Set(records.map((record) => record.warcHeaders["warc-record-id"])).size, records.length);
});

test("pages are archived at their live URLs as the live site serves them, with HTTP headers and Content-Type", () => {
  const article = byUrl.get(`${live}news/2023/launch/`);
  assert.is(article?.status, 200);
  assert.is(article?.headers["content-type"], "text/html; charset=utf-8");
  assert.is(article?.headers.date, "Sun, 01 Jun 2025 12:00:00 GMT");
  const html = article?.payload.toString("utf8") ?? "";
  // Root-relative links, as on the live site: not the bag's links for reading from disk.
  assert.ok(html.includes('href="/news/2023/cooperation/"'), "link to the other article");
  assert.not.ok(html.includes("index.html"), "no file names in links");
  const manifest = readFileSync(path.join(first, "manifest-sha512.txt"), "utf8");
  const stylesheet = manifest.match(/assets\/(site\.[0-9a-f]+\.css)/)?.[1] ?? "";
  assert.is(byUrl.get(`${live}assets/${stylesheet}`)?.headers["content-type"], "text/css; charset=utf-8");
  assert.is(byUrl.get(`${live}pagefind/pagefind.js`)?.headers["content-type"], "text/javascript; charset=utf-8");
  assert.not.ok(byUrl.has(`${live}_headers`));
  assert.not.ok(byUrl.has(`${live}search-index.js`));
});

test("an alias is archived as a 301 to its article", () => {
  const redirect = byUrl.get(`${live}News/Wombat-Launch`);
  assert.is(redirect?.status, 301);
  assert.is(redirect?.headers.location, `${live}news/2023/launch/`);
});

test("a document named with %, # or ? is archived at the URL its page links to, with that URL's index key", () => {
  const files = `${live}news/2023/files/`;
  const html = byUrl.get(files)?.payload.toString("utf8") ?? "";
  assert.equal(
    [...html.matchAll(/<a href="([^"]+)" download>/g)].map((match) => match[1]),
    ["100%25%20final.txt", "report%231.txt", "what%3F.txt"],
  );
  const urls = ["100%25%20final.txt", "report%231.txt", "what%3F.txt"].map((name) => `${files}${name}`);
  assert.equal(
    urls.map((url) => byUrl.get(url)?.payload.toString("utf8")),
    ["The final text.\n", "Report number one.\n", "Questions asked.\n"],
  );
  // Each line's SURT key (warcio's, escapes in lower case) and its url.
  const keys = text("indexes/index.cdxj")
    .split("\n")
    .filter((line) => line.startsWith("org,iap-association,archive)/news/2023/files/"))
    .map(
      (line) =>
        `${line.slice(0, line.indexOf(" "))} ${(JSON.parse(line.slice(line.indexOf("{"))) as { url: string }).url}`,
    );
  assert.equal(keys, [
    `org,iap-association,archive)/news/2023/files/ ${files}`,
    `org,iap-association,archive)/news/2023/files/100%25%20final.txt ${files}100%25%20final.txt`,
    `org,iap-association,archive)/news/2023/files/report%231.txt ${files}report%231.txt`,
    `org,iap-association,archive)/news/2023/files/what%3f.txt ${files}what%3F.txt`,
  ]);
});

test("the index is sorted, one CDXJ line a response, each pointing at its record's offset and length", () => {
  const lines = text("indexes/index.cdxj").trim().split("\n");
  assert.equal(lines, [...lines].sort());
  assert.is(lines.length, records.length - 1);
  const launch = lines.find((line) => line.startsWith("org,iap-association,archive)/news/2023/launch/ "));
  const fields = JSON.parse(launch?.slice(launch.indexOf("{")) ?? "{}") as Record<string, string>;
  assert.equal(
    { ...fields, offset: undefined, length: undefined },
    {
      url: `${live}news/2023/launch/`,
      mime: "text/html",
      status: "200",
      digest: sha256(byUrl.get(`${live}news/2023/launch/`)?.payload ?? Buffer.alloc(0)),
      length: undefined,
      offset: undefined,
      filename: "data.warc.gz",
    },
  );
  assert.ok(launch?.startsWith("org,iap-association,archive)/news/2023/launch/ 20250601120000 {"));
});

test("pages.jsonl: a header, then every article of the year: URL, capture time, title, text and language", () => {
  const [header, ...pages] = text("pages/pages.jsonl")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, string>);
  assert.equal(header, { format: "json-pages-1.0", id: "pages", title: "IAP News Archive, 2023", hasText: true });
  assert.equal(
    pages.map(({ url, ts, title, text: body, inLanguage }) => ({ url, ts, title, text: body, inLanguage })),
    [
      {
        url: `${live}news/2023/cooperation/`,
        ts: "2025-06-01T12:00:00Z",
        title: "Cooperation agreement",
        text: "An agreement on quokka habitats was signed.",
        inLanguage: "en",
      },
      {
        url: `${live}news/2023/launch/`,
        ts: "2025-06-01T12:00:00Z",
        title: "Launch of the wombat programme",
        text: "The Fiscalía joined the wombat programme. It follows the agreement and the 2021 workshop.",
        inLanguage: "en",
      },
      {
        url: `${live}news/2023/files/`,
        ts: "2025-06-01T12:00:00Z",
        title: "Files of the meeting",
        text: "The meeting's files.",
        inLanguage: "en",
      },
    ],
  );
});

/** `npm run verify` on `target`: its exit code and what it printed. */
function verify(target: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts", target], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

test("verify passes the WACZ, then names the record a changed byte is in", () => {
  const cdx = text("indexes/index.cdxj").trim().split("\n");
  assert.equal(verify(waczPath), {
    code: 0,
    output:
      `${waczPath}: valid web archive: 3 files, every sha256 matches datapackage.json; ${records.length} WARC ` +
      `records, every digest matches; ${cdx.length} index lines, each finds its record, as does every link of a ` +
      `page to a file of the site; 3 pages`,
  });

  const wacz = readFileSync(waczPath);
  const warcStart = wacz.indexOf(warc.subarray(0, 200));
  const entry = cdx
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as { url: string; offset: string; length: string })
    .find((fields) => fields.url === `${live}news/2023/launch/`);
  const offset = Number(entry?.offset);
  const changed = path.join(tempDir("wacz-changed-"), "iap-2023.wacz");
  const at = warcStart + offset + Math.floor(Number(entry?.length) / 2);
  wacz[at] = (wacz[at] ?? 0) ^ 0xff;
  writeFileSync(changed, wacz);
  const line = cdx.findIndex((cdxLine) => cdxLine.includes(`"url":"${live}news/2023/launch/"`)) + 1;
  const result = verify(changed);
  assert.is(result.code, 1);
  const problems = result.output
    .split("\n")
    .slice(1)
    .map((problem) => problem.trim());
  assert.is(
    problems[0],
    "damaged: archive/data.warc.gz: damaged (its CRC-32 or size differs from the zip's directory)",
  );
  assert.is(problems[1], "altered: archive/data.warc.gz (its sha256 differs from datapackage.json)");
  assert.ok(
    problems[2]?.startsWith(
      `archive/data.warc.gz: record at offset ${offset} (${live}news/2023/launch/, indexes/index.cdxj ` +
        `line ${line}): its gzip member is damaged (`,
    ),
    problems[2],
  );
  assert.is(problems.length, 3);
});

test("verify names each page link finding no record, and the record of that name written otherwise", async () => {
  const date = "2025-06-01T12:00:00Z";
  const documents = {
    "report#1.txt": "Report number one.\n",
    "100% final.txt": "The final text.\n",
    "what?.txt": "Questions asked.\n",
  };
  // Links written as a page would write them with the names as they are, unencoded: the archive and the pages disagree.
  const html =
    '<!doctype html><title>Files</title><link rel="stylesheet" href="/assets/gone.css">' +
    '<a href="report#1.txt">1</a> <a href="100%%20final.txt">2</a> <a href="what?.txt">3</a> ' +
    '<a href="what?.txt#again">3</a> ' +
    '<a href="/news/2021/middle/">another year</a> <a href="#top">top</a> <a href="mailto:a@example.org">mail</a> ' +
    '<a href="https://example.org/x.pdf">away</a> <a href="report%231.txt">1</a>';
  const info = await warcinfoRecord("data.warc.gz", date, { software: "test" });
  const records = [
    await responseRecord("news/2023/files/index.html", Buffer.from(html), date, live),
    ...(await Promise.all(
      Object.entries(documents).map(([name, body]) =>
        responseRecord(`news/2023/files/${name}`, Buffer.from(body), date, live),
      ),
    )),
  ];
  const cdx: string[] = [];
  let offset = info.byteLength;
  for (const record of records) {
    cdx.push(cdxjLine(record, date, offset, "data.warc.gz"));
    offset += record.bytes.byteLength;
  }
  const target = path.join(tempDir("wacz-links-"), "links.wacz");
  const archive = {
    warcs: [{ name: "data.warc.gz", bytes: Buffer.concat([info, ...records.map((record) => record.bytes)]) }],
    cdx: cdx.sort(),
    pages: [],
    records: records.length + 1,
    siteRoot: live,
    warcDate: date,
  };
  await writeWacz(target, archive, report.info);
  const folder = `${live}news/2023/files/`;
  assert.equal(verify(target), {
    code: 1,
    output: [
      `${target}: not valid, 4 problems:`,
      `  ${folder} links to ${live}assets/gone.css, which no index line finds`,
      `  ${folder} links to ${folder}report, which no index line finds`,
      `  ${folder} links to ${folder}100%%20final.txt, which no index line finds; the archive ` +
        `has ${folder}100%25%20final.txt, the same name written differently`,
      `  ${folder} links to ${folder}what?.txt, which no index line finds; the archive has ${folder}what%3F.txt, ` +
        `the same name written differently`,
    ].join("\n"),
  });
});

test("the WARC's zip entry has its CRC-32 and sizes in its local header, as streaming readers need", () => {
  const headers = zipHeaders(readFileSync(waczPath)).find((entry) => entry.name === "archive/data.warc.gz");
  const expected = { flags: 0x0800, crc32: crc32(warc), compressedSize: warc.byteLength, size: warc.byteLength };
  assert.equal(headers, { name: "archive/data.warc.gz", method: 0, local: expected, central: expected });
  assert.is(expected.flags & dataDescriptorFlag, 0);
});

test("records past the size limit go on in data-2.warc.gz, with its own warcinfo; verify passes", async () => {
  // Random bytes: a record as large as its file, whatever gzip does.
  const site = writeContent({
    "index.html": '<a href="a.bin">a</a> <a href="b.bin">b</a>',
    "a.bin": randomBytes(3000),
    "b.bin": randomBytes(3000),
  });
  const split = await archiveLiveSite(site, { siteRoot: live, redirects: [], items: [] }, report.info, 5000);
  assert.equal(
    split.warcs.map((warc) => warc.name),
    ["data.warc.gz", "data-2.warc.gz"],
  );
  const firstRecords = await Promise.all(
    split.warcs.map(async (warc) => (await new WARCParser([warc.bytes]).parse())?.warcType),
  );
  assert.equal(firstRecords, ["warcinfo", "warcinfo"]);
  const located = split.cdx
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as Record<string, string>)
    .map(({ url, filename }) => [url, filename]);
  assert.equal(located, [
    [live, "data-2.warc.gz"],
    [`${live}a.bin`, "data.warc.gz"],
    [`${live}b.bin`, "data-2.warc.gz"],
  ]);
  const target = path.join(tempDir("wacz-split-"), "split.wacz");
  await writeWacz(target, split, report.info);
  assert.equal(verify(target), {
    code: 0,
    output:
      `${target}: valid web archive: 4 files, every sha256 matches datapackage.json; 5 WARC records, every ` +
      `digest matches; 3 index lines, each finds its record, as does every link of a page to a file of the site; 0 ` +
      `pages`,
  });
});

/** The WACZ zipped anew with some files' text changed, as someone editing it with a zip tool would. */
async function repacked(changes: Record<string, (text: string) => string>): Promise<string> {
  const target = path.join(tempDir("wacz-repacked-"), "iap-2023.wacz");
  const entries = [...files.values()].map((entry) => {
    const change = changes[entry.name];
    const bytes = change ? Buffer.from(change(entry.read().toString("utf8")), "utf8") : entry.read();
    return { name: entry.name, stored: entry.stored, size: bytes.byteLength, read: () => bytes };
  });
  await writeZip(target, entries, "2025-06-01");
  return target;
}

test("verify names a file changed and zipped anew: datapackage.json by its digest, others by datapackage", async () => {
  const editedPackage = await repacked({
    "datapackage.json": (json) => json.replace("IAP News Archive, 2023", "IAP News Archive, 2024"),
  });
  assert.equal(verify(editedPackage), {
    code: 1,
    output:
      `${editedPackage}: not valid, 1 problem:\n` +
      `  altered: datapackage.json (its sha256 differs from datapackage-digest.json)`,
  });
  const editedPages = await repacked({ "pages/pages.jsonl": (jsonl) => jsonl.replace("quokka", "numbat") });
  assert.equal(verify(editedPages), {
    code: 1,
    output:
      `${editedPages}: not valid, 1 problem:\n` +
      `  altered: pages/pages.jsonl (its sha256 differs from datapackage.json)`,
  });
});

test("the same content and date give the same WACZ, byte for byte, with --wacz-only writing no bag and no zip", () => {
  assert.ok(existsSync(`${second}.wacz`));
  assert.not.ok(existsSync(second), "no bag");
  assert.not.ok(existsSync(`${second}.zip`), "no zip");
  assert.is(onlyReport.bag, undefined);
  assert.is(onlyReport.wacz?.bytes, report.wacz?.bytes);
  assert.ok(readFileSync(`${second}.wacz`).equals(readFileSync(waczPath)));
});

test.run();
