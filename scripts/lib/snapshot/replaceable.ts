/**
 * What a snapshot may replace: its folder, `<out>.zip` and `<out>.wacz` only when they are absent,
 * (the folder) empty, or an earlier snapshot's own, told by what it wrote into them: the bag's
 * bag-info.txt (`Bag-Software-Agent: iap-news-archive 0.1.0`), the same file inside the zip, the
 * WACZ's datapackage.json (`"software": "iap-news-archive 0.1.0"`). Anything else, a bag another
 * tool made included, is refused before any work.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { holdsForeign, outputFolderProblem, type OutputKind } from "../build/output-folder.ts";
import { printable } from "../util/error-message.ts";
import { displayPath } from "../util/paths.ts";
import { readZipEntry, ZipError } from "./zip.ts";

/** Why a snapshot may not write `outDir` (and the zip and WACZ beside it, as asked), or undefined. */
export async function snapshotOutputProblem(
  options: { outDir: string; contentDir: string; wacz?: "also" | "only" },
  repoRoot: string,
  generator: string,
): Promise<string | undefined> {
  const tool = toolOf(generator);
  const withBag = options.wacz !== "only";
  // With the web archive only, the folder is not written: only where it is matters.
  const kind: OutputKind = withBag
    ? { writer: "snapshot", foreign: (dir, entries) => foreignFolder(dir, entries, tool) }
    : { writer: "snapshot", foreign: () => undefined };
  const folder = outputFolderProblem(options.outDir, options.contentDir, repoRoot, kind);
  if (folder) return folder;
  if (withBag) {
    const zip = await foreignFile(
      `${options.outDir}.zip`,
      `${path.basename(options.outDir)}/bag-info.txt`,
      (bytes) => agentOf(bytes.toString("utf8")),
      tool,
    );
    if (zip) return zip;
  }
  if (options.wacz)
    return foreignFile(
      `${options.outDir}.wacz`,
      "datapackage.json",
      (bytes) => softwareOf(bytes.toString("utf8")),
      tool,
    );
  return undefined;
}

/** "iap-news-archive", from "iap-news-archive 0.1.0": any version of this project's snapshots is its own. */
function toolOf(generator: string): string {
  return generator.split(" ")[0] ?? generator;
}

function isOurs(maker: string | undefined, tool: string): boolean {
  return maker !== undefined && (maker === tool || maker.startsWith(`${tool} `));
}

function foreignFolder(dir: string, entries: readonly string[], tool: string): string | undefined {
  if (!entries.includes("bagit.txt")) return holdsForeign(dir, entries, "snapshot");
  const agent = agentOf(readText(path.join(dir, "bag-info.txt")));
  if (isOurs(agent, tool)) return undefined;
  const maker =
    agent === undefined ? "its bag-info.txt names no Bag-Software-Agent" : `Bag-Software-Agent: ${shorten(agent)}`;
  return `is a BagIt bag another tool made (${maker}): a snapshot replaces its folder whole and would delete it`;
}

/** Why the file a snapshot would write at `file` may not be overwritten, or undefined (absent, or ours). */
async function foreignFile(
  file: string,
  entry: string,
  makerOf: (bytes: Buffer) => string | undefined,
  tool: string,
): Promise<string | undefined> {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return undefined;
  const shown = printable(displayPath(file));
  if (!stats.isFile())
    return (
      `${shown} is not a file: a snapshot would write its ${path.extname(file)} there; ` +
      "move it away or choose another --out"
    );
  let maker: string | undefined;
  try {
    const bytes = await readZipEntry(file, entry);
    maker = bytes && makerOf(bytes);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
  }
  if (isOurs(maker, tool)) return undefined;
  const what =
    maker === undefined
      ? `is not one a snapshot wrote (no ${entry} naming ${tool})`
      : `was made by ${shorten(maker)}, not by a snapshot`;
  return `${shown} ${what}: a snapshot would overwrite it; move it away or choose another --out`;
}

/** bag-info.txt's Bag-Software-Agent (RFC 8493 §2.2.2), or undefined. */
function agentOf(bagInfo: string): string | undefined {
  return /^Bag-Software-Agent:[ \t]*(.*?)[ \t]*$/im.exec(bagInfo)?.[1];
}

/** A WACZ's datapackage.json "software", or undefined. */
function softwareOf(datapackage: string): string | undefined {
  try {
    const software = (JSON.parse(datapackage) as { software?: unknown }).software;
    return typeof software === "string" ? software : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").slice(0, 64 * 1024);
  } catch {
    return "";
  }
}

function shorten(text: string): string {
  return printable(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}
