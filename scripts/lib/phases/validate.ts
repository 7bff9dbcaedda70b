/** The validate phase: every content file read and checked, and the archive's views derived from them. */
import { conferences, site, topics } from "../content/data.ts";
import { ContentError } from "../content/problems.ts";
import { pluralise } from "../eleventy/filters.ts";
import { Archive, nothingToPublish } from "../model/archive.ts";
import { BuildError, type BuildOptions, type Phase } from "./phase.ts";

export const validatePhase: Phase<BuildOptions, Archive> = {
  name: "validate",
  run({ contentDir, preview, now, basePath, period }) {
    try {
      const archive = new Archive({ contentDir, site, topics, conferences, preview, now, basePath, period });
      // A snapshot of an empty period says so itself (scripts/lib/snapshot/make-snapshot.ts).
      const empty = period === undefined ? nothingToPublish(archive, contentDir) : undefined;
      if (empty) throw new ContentError([empty]);
      return archive;
    } catch (error) {
      if (error instanceof ContentError) throw new BuildError("validate", error.message);
      throw error;
    }
  },
  describe: (archive) =>
    `${archive.files} files: ${archive.news.length} news, ${pluralise(archive.abstracts.length, "abstract")}` +
    (archive.withheld.drafts + archive.withheld.scheduled > 0
      ? ` (${archive.withheld.drafts} drafts, ${archive.withheld.scheduled} scheduled withheld)`
      : ""),
};
