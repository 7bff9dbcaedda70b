/**
 * The warc phase of a snapshot with a web archive: the staged site recorded as the live host serves
 * it (scripts/lib/snapshot/wacz.ts), before the snapshot phase rewrites it for reading from disk.
 * scripts/lib/build/make-snapshot.ts gives it to the build and writes the WACZ from the records.
 */
import type { Phase, StagedBuild } from "../build/phase.ts";
import type { SnapshotInfo } from "../snapshot/info.ts";
import { archiveLiveSite, type LiveSiteArchive } from "../snapshot/wacz.ts";
import { formatBytes, pluralise } from "../util/format.ts";

/** The phase for the snapshot `info`; `recorded` receives the records. */
export function warcPhase(
  info: SnapshotInfo,
  recorded: (live: LiveSiteArchive) => void,
): Phase<StagedBuild, LiveSiteArchive> {
  return {
    name: "warc",
    async run({ siteDir, archive }) {
      const live = await archiveLiveSite(siteDir, archive, info);
      recorded(live);
      return live;
    },
    describe: (live) => {
      const bytes = live.warcs.reduce((sum, warc) => sum + warc.bytes.byteLength, 0);
      return `${pluralise(live.records, "record")} at ${live.siteRoot}, ${formatBytes(bytes)}`;
    },
  };
}
