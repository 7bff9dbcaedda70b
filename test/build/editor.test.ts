/**
 * The editor in published builds: left out unless `editor` in _data/site.ts asks for it, and then
 * served from the site's own files with the live backend's configuration, while every page readers
 * load stays byte for byte what it was without it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { site } from "../../scripts/lib/content/data.ts";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { buildSite, newsFile, writeContent } from "../support/site.ts";

const contentDir = writeContent({
  "news/2024/heron.md": newsFile({ title: "Heron item", date: "2024-03-01" }, "A heron's paragraph.\n"),
});

const plain = await buildSite(contentDir);
// As a deployer would write it in _data/site.ts; the module's object is the one the build reads.
site.editor = {
  backend: { name: "github", repo: "iap/news-archive", branch: "main", base_url: "https://auth.example.org" },
  contentFolder: "src",
};
const withEditor = await buildSite(contentDir).finally(() => delete site.editor);

test("a published build has no /admin/ unless _data/site.ts enables the editor", () => {
  assert.equal(
    listFiles(plain.outDir).filter((file) => file.startsWith("admin")),
    [],
  );
  assert.not.ok(plain.report.phases.some((phase) => phase.name === "editor"));
  assert.ok(withEditor.exists("/admin/"));
  assert.ok(withEditor.exists("/admin/decap-cms.js"));
});

test("the enabled editor commits to the Git host in _data/site.ts, into the content folder there", () => {
  const config = parse(withEditor.read("/admin/config.yml")) as {
    backend: unknown;
    collections: { name: string; folder: string }[];
  };
  assert.equal(config.backend, {
    name: "github",
    repo: "iap/news-archive",
    branch: "main",
    base_url: "https://auth.example.org",
  });
  assert.equal(
    config.collections.map((collection) => [collection.name, collection.folder]),
    [
      ["news", "src/news"],
      ["abstracts", "src/abstracts"],
    ],
  );
});

test("Decap is the site's own copy, byte for byte the one in node_modules", () => {
  const bundled = readFileSync(path.join(import.meta.dirname, "../../node_modules/decap-cms/dist/decap-cms.js"));
  assert.ok(readFileSync(path.join(withEditor.outDir, "admin/decap-cms.js")).equals(bundled));
  assert.match(withEditor.read("/admin/"), /<script src="decap-cms\.js"><\/script>/);
});

test("the editor adds nothing to the pages readers load", () => {
  const readerFiles = (outDir: string) =>
    listFiles(outDir).filter((file) => !file.startsWith("admin/") && /\.(html|css|js|xml|json|txt)$/.test(file));
  const files = readerFiles(plain.outDir);
  assert.equal(readerFiles(withEditor.outDir), files);
  const differing = files.filter(
    (file) => !readFileSync(path.join(plain.outDir, file)).equals(readFileSync(path.join(withEditor.outDir, file))),
  );
  assert.equal(differing, []);
});

test.run();
