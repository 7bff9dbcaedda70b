/**
 * The search phase: Pagefind's index of the articles (scripts/lib/search/pagefind.ts) and the
 * dictionary behind the search page's spelling suggestions (scripts/lib/search/suggestion-words.ts).
 */
import { writeSearchIndex, type SearchIndexReport } from "../search/pagefind.ts";
import { writeSuggestionWords, type SuggestionWordsReport } from "../search/suggestion-words.ts";
import { formatBytes, formatMs, pluralise } from "../util/format.ts";
import { collectGarbage } from "../build/memory.ts";
import { loadWorkbox } from "./offline.ts";
import { BuildError, failingAs, type Phase, type StagedBuild } from "../build/phase.ts";
import { removeInBackground, trashDir } from "../build/staging.ts";

export const searchPhase: Phase<
  StagedBuild & { parsed?: () => void },
  SearchIndexReport & { suggestions: SuggestionWordsReport }
> = {
  name: "search",
  async run({ archive, siteDir, options, serviceWorker, search, parsed }) {
    // The offline phase's library loads while Pagefind's process indexes; a failure surfaces in that phase.
    if (serviceWorker) loadWorkbox().catch(() => {});
    // Pagefind's process starts here and indexes on its own; the dictionary is made meanwhile.
    const indexing = failingAs("search", "Pagefind failed", () => writeSearchIndex(siteDir, search, parsed), siteDir);
    // Eleventy's runs leave much garbage, which V8 keeps while it is busy: collected while Pagefind's
    // process starts, the build holds less memory at Pagefind's peak (docs/benchmarks.md).
    collectGarbage();
    // Awaited together, so that a failure of either fails the phase and neither is left unhandled.
    const [result, suggestions] = await Promise.all([
      indexing,
      Promise.resolve().then(() => writeSuggestionWords(archive.items, siteDir)),
    ]);
    if (result.errors.length > 0) {
      throw new BuildError(
        "search",
        `${pluralise(result.errors.length, "Pagefind error")}:\n${result.errors.map((e) => `  ${e}`).join("\n")}`,
      );
    }
    // Not part of the site: out of the way before the service worker lists the site's files.
    if (search.sources) removeInBackground(search.sources.dir, trashDir(options.outDir, "search"));
    return { ...result, suggestions };
  },
  describe: (result) => {
    const parts = result.parts > 1 ? ` in ${result.parts} parts` : "";
    const words = result.words === undefined ? "" : `${result.words} words, `;
    const timings = `add ${formatMs(result.timings.add)}, write ${formatMs(result.timings.write)}`;
    const { suggestions } = result;
    const largest = formatBytes(suggestions.largestGzipBytes);
    return (
      `${result.pages} pages${parts}, ${words}${formatBytes(result.indexBytes)} of index (${timings}); ` +
      `${suggestions.words} words for suggestions, ${largest} gzipped the largest file`
    );
  },
};
