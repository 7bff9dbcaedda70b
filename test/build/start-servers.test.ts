/**
 * `npm start`'s two servers under hostile and malformed requests, over real HTTP: the preview and
 * the editor's local backend listen on loopback; the backend answers only its own Host and the
 * preview's Origin, and writes and reads only news items, abstracts and their files, in a content
 * folder that also holds a template and a secret, as src/ does; a malformed request gets a 400 and
 * both servers go on. `--host` opens the preview, with a warning, and never the backend.
 */
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { listeningAddresses } from "../support/listening.ts";
import { newsFile, page, tempDir, text, writeContent } from "../support/site.ts";
import { startPreview } from "../support/start.ts";

const contentDir = writeContent({
  "news/2023/alpha.md": newsFile({ title: "Alpha item", date: "2023-05-01" }),
  "news/2023/gamma/index.md": newsFile({ title: "Gamma item", date: "2023-07-01" }),
  "pages/news-item.njk": "<h1>{{ title }}</h1>",
  ".env": "SECRET=pelican\n",
});
// A file of an item's folder that leads to the secret: accepted, as it names nothing outside the content folder.
symlinkSync(path.join(contentDir, ".env"), path.join(contentDir, "news/2023/gamma/notes.txt"));
const previewDir = path.join(tempDir("start-servers-"), "_preview");
const preview = await startPreview(contentDir, previewDir);
const { base, backend, output, nextLine } = preview;
const origin = base;

interface Answer {
  status: number;
  body: string;
}

/** One request to 127.0.0.1:`port` with exactly these headers (fetch would not send a foreign Host). */
function send(
  port: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: "127.0.0.1", port, method, path: target, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

/** One request to the editor's backend, as its own host unless `headers` says otherwise. */
const ask = (method: string, target: string, headers: Record<string, string>, body?: string) =>
  send(backend.port, method, target, { host: backend.host, ...headers }, body);

/** An action of the API, as Decap CMS's proxy backend posts it from the editor's page. */
const api = (action: string, params: Record<string, unknown>, headers: Record<string, string> = { origin }) =>
  ask(
    "POST",
    "/api/v1",
    { "content-type": "application/json; charset=utf-8", ...headers },
    JSON.stringify({ branch: "main", action, params: { branch: "main", ...params } }),
  );
const saveOptions = { commitMessage: "Create News item", collectionName: "news", useWorkflow: false, status: "draft" };
const save = (file: string, raw: string, headers?: Record<string, string>) =>
  api("persistEntry", { dataFiles: [{ path: file, slug: "x", raw }], assets: [], options: saveOptions }, headers);
const refusal = (status: number, error: string): Answer => ({ status, body: JSON.stringify({ error }) });

test("the preview and the editor's backend listen on 127.0.0.1 only", () => {
  assert.equal(listeningAddresses(Number(new URL(base).port)), ["127.0.0.1"]);
  assert.equal(listeningAddresses(Number(backend.port)), ["127.0.0.1"]);
});

test("a POST that wrote a template is refused: 403, nothing written, no rebuild; a news item still saves", async () => {
  const before = output.length;
  assert.equal(
    await save("pages/x.njk", "{{ 7 * 7 }}"),
    refusal(
      403,
      'persistEntry: "pages/x.njk" is outside news/ and abstracts/, the only folders the editor reads and writes',
    ),
  );
  assert.equal(
    await save("news/2024/x.njk", "{{ 7 * 7 }}"),
    refusal(403, 'persistEntry: "news/2024/x.njk" is not a Markdown entry (.md)'),
  );
  assert.equal(
    await save("news/../pages/x.njk", "{{ 7 * 7 }}"),
    refusal(403, 'persistEntry: "news/../pages/x.njk" climbs out of its folder with ".."'),
  );
  assert.not.ok(existsSync(path.join(contentDir, "pages/x.njk")));
  assert.not.ok(existsSync(path.join(contentDir, "news/2024")));

  const updated = nextLine(/^updated \/news\/2024\/heron\/ in /);
  // The whole build after the save swaps the preview folder: later tests write into the new one.
  const rebuilt = nextLine(/^background pass done/);
  assert.equal(await save("news/2024/heron/index.md", newsFile({ title: "Heron item", date: "2024-03-01" })), {
    status: 200,
    body: JSON.stringify({ message: "entry persisted" }),
  });
  await updated;
  assert.is(text(page(await (await fetch(`${base}/news/2024/heron/`)).text())("h1")), "Heron item");
  // The watcher reports changes in order: a written template would have rebuilt the whole preview before this save.
  assert.equal(
    output.slice(before).filter((line) => line.includes("templates or assets changed")),
    [],
  );
  await rebuilt;
});

test("a foreign Host is refused, with a matching Origin too, and nothing is written", async () => {
  const rebound = { host: "rebind.evil.example", origin: "http://rebind.evil.example" };
  assert.equal(
    await save("news/2024/rebound.md", newsFile({ title: "Rebound", date: "2024-03-02" }), rebound),
    refusal(
      403,
      `refused: Host "rebind.evil.example" is not this server's address (127.0.0.1:${backend.port} or ` +
        `localhost:${backend.port})`,
    ),
  );
  assert.equal(
    await ask("GET", "/verdict", { host: "rebind.evil.example" }),
    refusal(
      403,
      `refused: Host "rebind.evil.example" is not this server's address (127.0.0.1:${backend.port} or ` +
        `localhost:${backend.port})`,
    ),
  );
  assert.not.ok(existsSync(path.join(contentDir, "news/2024/rebound.md")));
});

test("a foreign Origin, or a POST without one, is refused, and nothing is written", async () => {
  const origins = `(${base} or http://127.0.0.1:${new URL(base).port})`;
  const file = newsFile({ title: "Foreign", date: "2024-03-03" });
  assert.equal(
    await save("news/2024/foreign.md", file, { origin: "http://localhost:9" }),
    refusal(403, `refused: Origin "http://localhost:9" is not the preview's ${origins}`),
  );
  assert.equal(
    await save("news/2024/foreign.md", file, { origin: "https://evil.example" }),
    refusal(403, `refused: Origin "https://evil.example" is not the preview's ${origins}`),
  );
  assert.equal(
    await save("news/2024/foreign.md", file, {}),
    refusal(403, "refused: a POST request without an Origin header: only the preview's editor page may write"),
  );
  assert.not.ok(existsSync(path.join(contentDir, "news/2024/foreign.md")));
});

test("reads are limited the same way: no secret, no template", async () => {
  assert.equal(
    await api("getEntry", { path: ".env" }),
    refusal(403, 'getEntry: ".env" is outside news/ and abstracts/, the only folders the editor reads and writes'),
  );
  assert.equal(
    await api("entriesByFiles", { files: [{ path: "news/2023/alpha.md" }, { path: "pages/news-item.njk" }] }),
    refusal(
      403,
      'entriesByFiles: "pages/news-item.njk" is outside news/ and abstracts/, the only folders the editor reads and ' +
        "writes",
    ),
  );
  assert.equal(
    await api("entriesByFolder", { folder: "news", extension: "", depth: 9 }),
    refusal(403, 'entriesByFolder: extension "" is refused: the editor lists Markdown entries ("md") only'),
  );
  // A listing leaves out what leads elsewhere.
  assert.equal(
    await api("getMediaFile", { path: "news/2023/gamma/notes.txt" }),
    refusal(
      403,
      'getMediaFile: "news/2023/gamma/notes.txt" leads outside news/ and abstracts/ through a symbolic link',
    ),
  );
  const media = await api("getMedia", { mediaFolder: "news/2023/gamma" });
  assert.equal(
    [media.status, (JSON.parse(media.body) as { path: string }[]).map((file) => file.path)],
    [200, ["news/2023/gamma/index.md"]],
  );
  const entry = await api("getEntry", { path: "news/2023/alpha.md" });
  assert.equal(
    [entry.status, (JSON.parse(entry.body) as { data: string }).data],
    [200, readFileSync(path.join(contentDir, "news/2023/alpha.md"), "utf8")],
  );
});

test("a malformed request to the editor's backend gets a 400 (413 over its limit); the backend goes on", async () => {
  const json = { origin, "content-type": "application/json" };
  assert.equal(
    await ask("POST", "/api/v1", json, '{"action":'),
    refusal(400, "bad request: the body is not valid JSON"),
  );
  assert.equal(
    await ask("POST", "/api/v1", { origin, "content-type": "text/plain" }, '{"action":"info"}'),
    refusal(400, "bad request: the body must be JSON (Content-Type: application/json)"),
  );
  assert.equal(
    await ask("POST", "/api/v1", json, " ".repeat(50_000_001)),
    refusal(413, "bad request: the body is over the limit of 50.0 MB"),
  );
  assert.equal(
    await api("unpublishedEntries", {}),
    refusal(
      400,
      'unknown action "unpublishedEntries" (the local backend\'s actions: info, getDeployPreview, entriesByFolder, ' +
        "entriesByFiles, getEntry, persistEntry, getMedia, getMediaFile, persistMedia, deleteFile, deleteFiles)",
    ),
  );
  assert.equal(
    await ask("GET", "/%", {}),
    refusal(400, 'bad request: "/%" is not a valid address: "%" is not UTF-8 percent-encoding'),
  );
  assert.equal(
    await ask("POST", "/api/v1%E0%A4", json, "{}"),
    refusal(400, 'bad request: "/api/v1%E0%A4" is not a valid address: "v1%E0%A4" is not UTF-8 percent-encoding'),
  );
  assert.equal(await ask("GET", "/nothing-here", {}), refusal(404, "not found: GET /nothing-here"));
  assert.equal(await api("info", {}), {
    status: 200,
    body: JSON.stringify({ repo: path.basename(contentDir), publish_modes: ["simple"], type: "local_fs" }),
  });
});

test("the preview on loopback answers its own Host only", async () => {
  const port = new URL(base).port;
  assert.equal(await send(port, "GET", "/news/2023/alpha/", { host: `rebind.evil.example:${port}` }), {
    status: 403,
    body:
      `refused: Host "rebind.evil.example:${port}" is not this server's address (127.0.0.1:${port} or ` +
      `localhost:${port})\n`,
  });
  assert.is((await fetch(`http://127.0.0.1:${port}/news/2023/alpha/`)).status, 200);
});

test("a malformed request to the preview gets a 400, and the preview goes on", async () => {
  const answers = [];
  for (const target of ["/%", "/%2e%2e%2fx", "/%E0%A4", "/%c0%ae%c0%ae/x"]) {
    const response = await fetch(`${base}${target}`);
    answers.push([response.status, await response.text()]);
  }
  assert.equal(answers, [
    [400, 'bad request: "/%" is not a valid address: "%" is not UTF-8 percent-encoding\n'],
    [400, 'bad request: "/%2e%2e%2fx" is not a valid address: "%2e%2e%2fx" hides "/" in a path segment\n'],
    [400, 'bad request: "/%E0%A4" is not a valid address: "%E0%A4" is not UTF-8 percent-encoding\n'],
    [400, 'bad request: "/%c0%ae%c0%ae/x" is not a valid address: "%c0%ae%c0%ae" is not UTF-8 percent-encoding\n'],
  ]);
  assert.is(text(page(await (await fetch(`${base}/news/2023/alpha/`)).text())("h1")), "Alpha item");
  assert.is((await api("info", {})).status, 200);
  assert.ok(preview.running());
});

test("a file the preview cannot read gets a 500, and the preview goes on", async () => {
  // Reading /proc/self/mem from its start fails with EIO: a file the server finds but cannot read.
  symlinkSync("/proc/self/mem", path.join(previewDir, "unreadable.txt"));
  const response = await fetch(`${base}/unreadable.txt`);
  assert.equal(
    [response.status, await response.text()],
    [500, "server error: the device reported an input/output error: the disk may be failing (EIO)\n"],
  );
  assert.is((await fetch(`${base}/news/2023/alpha/`)).status, 200);
  assert.ok(preview.running());
});

test("--host opens the preview with a warning; the editor's backend stays on loopback", async () => {
  const open = await startPreview(contentDir, path.join(tempDir("start-servers-host-"), "_preview"), [
    "--host",
    "0.0.0.0",
  ]);
  try {
    assert.ok(
      open.output.includes(
        "warning: listening on every network interface (0.0.0.0), not on this computer only: anyone who can reach " +
          "it on the network can open the preview with its drafts and scheduled items, and the editor at /admin/ " +
          "(its backend stays on 127.0.0.1: saving works from this computer only)",
      ),
      open.output.join("\n"),
    );
    assert.equal(listeningAddresses(Number(new URL(open.base).port)), ["0.0.0.0"]);
    assert.equal(listeningAddresses(Number(open.backend.port)), ["127.0.0.1"]);
  } finally {
    open.stop();
  }
});

test.after(() => preview.stop());

test.run();
