/**
 * An archivist snapshot of a period: the archive built by the one build
 * (scripts/lib/phases/build.ts) with only that period's content and the snapshot's own phases
 * (phases/warc.ts, phases/snapshot.ts), as the payload of a BagIt bag, and the bag zipped beside
 * it. Written to a staging folder first, like the build, so that a failure leaves an earlier
 * snapshot in place.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { build, BuildError, phaseLine, type BuildReport } from "../phases/build.ts";
import { repoRoot } from "../util/repo-root.ts";
import type { Period } from "../model/archive.ts";
import { dayAsNow } from "../content/dates.ts";
import { discard, publish, stagingDir } from "./staging.ts";
import { formatBytes, pluralise } from "../util/format.ts";
import { bagAlgorithm, bagInfo, writeBag, type BagReport } from "../snapshot/bagit.ts";
import { listFiles } from "../util/list-files.ts";
import { contentCommit, generatorOf, periodLabel, type SnapshotInfo } from "../snapshot/info.ts";
import { writeWacz, type LiveSiteArchive } from "../snapshot/wacz.ts";
import { snapshotPhase } from "../phases/snapshot.ts";
import { warcPhase } from "../phases/warc.ts";
import { writeZip } from "../snapshot/zip.ts";
import { snapshotOutputProblem } from "../snapshot/replaceable.ts";

export interface SnapshotOptions {
  contentDir: string;
  period: Period;
  /** The snapshot's folder (the bag); the zip is written beside it as `<outDir>.zip`. */
  outDir: string;
  /** The day the snapshot is taken (YYYY-MM-DD): what was published by then is in it. */
  takenOn: string;
  /** Where the live archive is served, for its links (default: as the build's). */
  basePath?: string;
  /**
   * A web archive too: "also" writes `<outDir>.wacz` beside the bag and its zip, "only" writes the
   * WACZ alone (no bag, no zip). Default: the bag and its zip only.
   */
  wacz?: "also" | "only";
  /** Which pages html-validate checks (see BuildOptions); the tests check all. */
  validateHtml?: "sample" | "all";
  log?: (line: string) => void;
}

export interface SnapshotReport {
  info: SnapshotInfo;
  build: BuildReport;
  /** The bag and its zip; absent when only the WACZ was asked for. */
  bag?: BagReport;
  zip?: { path: string; bytes: number };
  /** `ms`: the build's "warc" phase and writing the WACZ, the time the web archive adds. */
  wacz?: { path: string; bytes: number; records: number; pages: number; ms: number };
}

export async function makeSnapshot(options: SnapshotOptions): Promise<SnapshotReport> {
  const log = options.log ?? (() => {});
  const generator = generatorOf(repoRoot);
  // A snapshot replaces its folder, zip and WACZ as a whole: only ones a snapshot wrote.
  const outputProblem = await snapshotOutputProblem(options, repoRoot, generator);
  if (outputProblem) throw new BuildError("options", outputProblem);
  const commit = contentCommit(options.contentDir);
  const info: SnapshotInfo = {
    period: options.period,
    label: periodLabel(options.period),
    takenOn: options.takenOn,
    generator,
    ...(commit ? { commit } : {}),
  };
  const staged = stagingDir(options.outDir);
  let live: LiveSiteArchive | undefined;
  try {
    const report = await build({
      contentDir: options.contentDir,
      outDir: path.join(staged, "data"),
      // Noon UTC stands for that calendar day, as `npm run build -- --now` takes it.
      now: dayAsNow(options.takenOn),
      period: options.period,
      serviceWorker: false,
      snapshot: info,
      extraPhases: [...(options.wacz ? [warcPhase(info, (recorded) => (live = recorded))] : []), snapshotPhase],
      ...(options.basePath !== undefined ? { basePath: options.basePath } : {}),
      ...(options.validateHtml ? { validateHtml: options.validateHtml } : {}),
      log,
    });
    if (report.news + report.abstracts === 0) {
      throw new BuildError("snapshot", `there are no news items or abstracts in ${info.label}: nothing to archive`);
    }
    const result: SnapshotReport = { info, build: report };
    if (options.wacz !== "only") Object.assign(result, await writeBagAndZip(staged, options.outDir, info, report, log));
    if (live) {
      const started = performance.now();
      const waczPath = `${options.outDir}.wacz`;
      const bytes = await writeWacz(waczPath, live, info);
      const ms = performance.now() - started;
      const warcMs = report.phases.find((phase) => phase.name === "warc")?.ms ?? 0;
      result.wacz = { path: waczPath, bytes, records: live.records, pages: live.pages.length, ms: warcMs + ms };
      log(
        phaseLine(
          "wacz",
          `${pluralise(live.pages.length, "page")} with text, ${formatBytes(bytes)}: ${path.basename(waczPath)}`,
          ms,
        ),
      );
    }
    return result;
  } finally {
    discard(staged);
  }
}

/** Makes the staged site a bag, puts it in place of `outDir` and zips it beside it. */
async function writeBagAndZip(
  staged: string,
  outDir: string,
  info: SnapshotInfo,
  report: BuildReport,
  log: (line: string) => void,
): Promise<Pick<SnapshotReport, "bag" | "zip">> {
  let started = performance.now();
  const bag = writeBag(staged, bagInfo(info, report));
  log(
    phaseLine(
      "bag",
      `${bag.payloadFiles} files, ${formatBytes(bag.payloadBytes)} in data/, ${bagAlgorithm} manifests`,
      performance.now() - started,
    ),
  );
  publish(staged, outDir);

  started = performance.now();
  const zipPath = `${outDir}.zip`;
  const folder = path.basename(outDir);
  const entries = listFiles(outDir).map((file) => ({
    name: `${folder}/${file}`,
    size: statSync(path.join(outDir, file)).size,
    read: () => readFileSync(path.join(outDir, file)),
  }));
  const zipBytes = await writeZip(zipPath, entries, info.takenOn);
  log(
    phaseLine(
      "zip",
      `${entries.length} files, ${formatBytes(zipBytes)}: ${path.basename(zipPath)}`,
      performance.now() - started,
    ),
  );
  return { bag, zip: { path: zipPath, bytes: zipBytes } };
}
