/**
 * The editor phase: writes the browser editor (Decap CMS) to `/admin/` when it is asked for, by the
 * preview (`npm start`, with its local backend) or by `editor` in _data/site.ts. Decap's own files
 * are copied from node_modules, never loaded from a CDN; its configuration is made from the
 * content model (scripts/lib/editor/config.ts). Readers' pages neither link to it nor load any of it.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { stringify } from "yaml";
import { conferences, site, topics } from "../content/data.ts";
import { editorConfig, previewLabels, type PreviewLabels, type RequiredWithObject } from "../editor/config.ts";
import { repoRoot } from "../util/repo-root.ts";
import { bundleScript, scriptEntries } from "../build/browser-scripts.ts";
import type { Phase, StagedBuild } from "../build/phase.ts";
import { escapeHtml } from "../util/html.ts";
import { editorFolder } from "../model/outputs.ts";

/** Decap's bundle: the script, the chunks it loads beside itself, and its WebAssembly; not the source maps. */
function decapFiles(): { dir: string; files: string[]; version: string } {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve("decap-cms/package.json");
  const dir = path.join(path.dirname(packageFile), "dist");
  const files = readdirSync(dir).filter((name) => /^(?:\d+\.)?decap-cms\.js$|\.wasm$/.test(name));
  return { dir, files, version: (JSON.parse(readFileSync(packageFile, "utf8")) as { version: string }).version };
}

/** Whether this build writes the editor: the preview's local backend, or the live site's editor in _data/site.ts. */
export function wantsEditor(staged: StagedBuild): boolean {
  return staged.options.editor !== undefined || (site.editor !== undefined && !staged.options.snapshot);
}

export interface EditorReport {
  version: string;
  backend: string;
  fields: number;
}

export async function writeEditor(staged: StagedBuild): Promise<EditorReport> {
  const local = staged.options.editor?.localBackend;
  const backend = local ? { local } : site.editor?.backend;
  if (!backend)
    throw new Error("the editor needs a backend: npm start's local one, or editor.backend in _data/site.ts");
  const { config, requiredWithObjects } = editorConfig({
    topics,
    conferences,
    backend,
    contentFolder: local ? "" : (site.editor?.contentFolder ?? "src"),
    siteUrl: site.url,
  });
  const dir = path.join(staged.siteDir, editorFolder);
  mkdirSync(dir, { recursive: true });
  const decap = decapFiles();
  for (const file of decap.files) copyFileSync(path.join(decap.dir, file), path.join(dir, file));
  writeFileSync(
    path.join(dir, "config.yml"),
    "# Made by the build from scripts/lib/content/schema.ts, topics.ts and conferences.ts " +
      `(scripts/lib/editor/config.ts): do not edit.\n${stringify(config)}`,
  );
  const stylesheet = readdirSync(path.join(staged.siteDir, "assets")).find((name) =>
    /^site\.[0-9a-f]{10}\.css$/.test(name),
  );
  writeFileSync(path.join(dir, "editor.js"), await bundleScript(repoRoot, scriptEntries.editor, "iife"));
  copyFileSync(path.join(repoRoot, editorStylesheet), path.join(dir, "editor.css"));
  // Locally, the page asks the preview after each save whether the build refuses the content
  // (scripts/lib/preview/editor-backend-thread.mjs).
  const verdict = local ? new URL("/verdict", local).href : undefined;
  writeFileSync(
    path.join(dir, "index.html"),
    editorPage(site.name, {
      stylesheet: `${staged.archive.basePath}assets/${stylesheet}`,
      labels: previewLabels(topics, conferences),
      rules: requiredWithObjects,
      verdict,
    }),
  );
  const collections = config["collections"] as { fields: unknown[] }[];
  return {
    version: decap.version,
    backend: local ? `local backend ${local}` : String(site.editor?.backend.name),
    fields: collections.reduce((sum, collection) => sum + collection.fields.length, 0),
  };
}

/** The editor page's styles over Decap's (copied beside it as editor.css). */
const editorStylesheet = "src/assets/editor/admin-page.css";

/**
 * Decap renders itself into the page's main landmark; without JavaScript the page says what it is.
 * editor.js comes first: it starts Decap itself (src/assets/editor/admin-page.ts).
 */
function editorPage(
  siteName: string,
  settings: {
    stylesheet: string;
    labels: PreviewLabels;
    rules: readonly RequiredWithObject[];
    verdict: string | undefined;
  },
): string {
  const data = [
    ` data-stylesheet="${escapeHtml(settings.stylesheet)}"`,
    ` data-labels="${escapeHtml(JSON.stringify(settings.labels))}"`,
    ` data-rules="${escapeHtml(JSON.stringify(settings.rules))}"`,
    settings.verdict ? ` data-verdict="${escapeHtml(settings.verdict)}"` : "",
  ].join("");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <meta name="description" content="The editor of the ${escapeHtml(siteName)}: staff write news and abstracts here.">
    <title>Editor · ${escapeHtml(siteName)}</title>
    <link rel="stylesheet" href="editor.css">
  </head>
  <body>
    <noscript>
      <h1>The editor needs JavaScript</h1>
      <p>News and abstracts can also be written as Markdown files: see docs/editing.md.</p>
    </noscript>
    <main id="nc-root"></main>
    <script src="editor.js"${data}></script>
    <script src="decap-cms.js"></script>
  </body>
</html>
`;
}

export const editorPhase: Phase<StagedBuild, EditorReport> = {
  name: "editor",
  run: writeEditor,
  describe: (report) => `/${editorFolder}/: Decap CMS ${report.version}, ${report.fields} fields, ${report.backend}`,
};
