/** The validate phase: every content file read and checked, and the archive's views derived from them. */
import { conferences, site, topics } from "../content/data.ts";
import { readContent, type LoadedContent, type LoadOptions } from "../content/load.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { Archive, type Period } from "../model/archive.ts";
import { displayPath } from "../util/paths.ts";
import { BuildError, type BuildOptions, type Phase } from "../build/phase.ts";
import { pluralise } from "../util/format.ts";

export const validatePhase: Phase<BuildOptions, Archive> = {
  name: "validate",
  run(options) {
    const archive = validArchive(archiveOptions(options));
    // A snapshot of an empty period says so itself (scripts/lib/build/make-snapshot.ts).
    const empty = options.period === undefined ? nothingToPublish(archive, options.contentDir) : undefined;
    if (empty) throw new BuildError("validate", new ContentError([empty]).message);
    return archive;
  },
  describe: (archive) =>
    `${archive.files} files: ${archive.news.length} news, ${pluralise(archive.abstracts.length, "abstract")}` +
    (archive.withheld.drafts + archive.withheld.scheduled > 0
      ? ` (${archive.withheld.drafts} drafts, ${archive.withheld.scheduled} scheduled withheld)`
      : ""),
};

/** What reading the content and making the archive take from the build's options. */
export function archiveOptions({ contentDir, preview, now, basePath, period }: BuildOptions): ArchiveLoadOptions {
  return {
    contentDir,
    site,
    topics,
    conferences,
    ...(preview ? { preview } : {}),
    ...(now ? { now } : {}),
    ...(basePath ? { basePath } : {}),
    ...(period ? { period } : {}),
  };
}

type ArchiveLoadOptions = LoadOptions & { basePath?: string; period?: Period };

/** `checkedArchive`, with its problems failing the build's validate phase. */
export function validArchive(
  options: ArchiveLoadOptions,
  read?: { content: LoadedContent; problems: Problem[] },
): Archive {
  try {
    return checkedArchive(options, read);
  } catch (error) {
    if (error instanceof ContentError) throw new BuildError("validate", error.message);
    throw error;
  }
}

/**
 * The archive made from the content folder (or from `read`, what the preview already read), or a
 * ContentError with every problem of the files and of their aliases together, in one report.
 */
export function checkedArchive(
  options: ArchiveLoadOptions,
  read: { content: LoadedContent; problems: Problem[] } = readContent(options),
): Archive {
  const archive = new Archive({ ...options, content: read.content });
  const problems = [...read.problems, ...archive.problems];
  if (problems.length > 0) throw new ContentError(problems);
  return archive;
}

/**
 * An archive with no item to publish is refused: its site would replace the current one with an
 * empty archive, most likely because the wrong folder was given.
 */
export function nothingToPublish(archive: Archive, contentDir: string): Problem | undefined {
  if (archive.items.length > 0) return undefined;
  const { drafts, scheduled } = archive.withheld;
  const withheldKinds = [
    drafts ? `${drafts} draft${drafts === 1 ? "" : "s"}` : "",
    scheduled ? `${scheduled} scheduled` : "",
  ];
  const withheld = drafts + scheduled > 0 ? ` (${withheldKinds.filter(Boolean).join(", ")} withheld)` : "";
  return {
    file: displayPath(contentDir),
    message:
      `has no news item or abstract to publish${withheld}: ` +
      "add one, or check that --content names the archive's content folder (npm start previews drafts)",
  };
}
