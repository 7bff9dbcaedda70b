/** The publish phase: the staged site takes the output folder's place at once (scripts/lib/build/staging.ts). */
import { displayPath } from "../util/paths.ts";
import type { OutputReport } from "./check.ts";
import { writeOutputMarker } from "../build/output-folder.ts";
import type { Phase, StagedBuild } from "../build/phase.ts";
import { publish } from "../build/staging.ts";

export const publishPhase: Phase<{ staged: StagedBuild; output: OutputReport }, { files: number; outDir: string }> = {
  name: "publish",
  run({ staged, output }) {
    // A snapshot's site is its bag's payload: the bag's own bag-info.txt tells that a snapshot wrote it.
    if (!staged.options.snapshot) writeOutputMarker(staged.siteDir);
    publish(staged.siteDir, staged.options.outDir);
    return { files: output.files, outDir: staged.options.outDir };
  },
  describe: ({ files, outDir }) => `${files} files to ${displayPath(outDir)}`,
};
