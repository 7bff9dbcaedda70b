/**
 * The snapshot phase, which scripts/lib/build/make-snapshot.ts gives the build to run on the staged
 * site before the check phase, so that the check verifies the snapshot as it ships: every page made
 * readable from disk and its links out of the period sent to the live site (snapshot/links.ts), and the
 * index for searching from disk written (snapshot/disk-index.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Archive } from "../model/archive.ts";
import { diskIndex, diskIndexScript } from "../snapshot/disk-index.ts";
import { listFiles } from "../util/list-files.ts";
import { rewritePage } from "../snapshot/links.ts";
import { formatBytes, pluralise } from "../util/format.ts";
import type { Phase, StagedBuild } from "../build/phase.ts";
import { diskIndexFile } from "../model/outputs.ts";

export interface PayloadReport {
  pages: number;
  /** URLs made relative. */
  relative: number;
  /** Links sent to the live site. */
  live: number;
  indexBytes: number;
}

export function prepareSnapshotPayload(siteDir: string, archive: Archive): PayloadReport {
  const files = listFiles(siteDir);
  const existing = new Set(files.map((file) => `/${file}`));
  const report: PayloadReport = { pages: 0, relative: 0, live: 0, indexBytes: 0 };
  for (const file of files.filter((name) => name.endsWith(".html"))) {
    const target = path.join(siteDir, file);
    const page = rewritePage(readFileSync(target, "utf8"), {
      file: `/${file}`,
      basePath: archive.basePath,
      siteRoot: archive.siteRoot,
      exists: (sitePath) => existing.has(sitePath),
    });
    writeFileSync(target, page.html);
    report.pages++;
    report.relative += page.relative;
    report.live += page.live;
  }
  const script = diskIndexScript(diskIndex(archive));
  writeFileSync(path.join(siteDir, diskIndexFile), script);
  report.indexBytes = Buffer.byteLength(script);
  return report;
}

export const snapshotPhase: Phase<StagedBuild, PayloadReport> = {
  name: "snapshot",
  run: ({ siteDir, archive }) => prepareSnapshotPayload(siteDir, archive),
  describe: (result) =>
    `${result.pages} pages for reading from disk, ${pluralise(result.live, "link")} to the live site, ` +
    `search-index.js ${formatBytes(result.indexBytes)}`,
};
