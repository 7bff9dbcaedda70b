/** What `npm run bench` measures and where it writes (scripts/bench.ts reads them from its command line). */
import type { CorpusText } from "./corpus.ts";

export interface BenchOptions {
  sizes: number[];
  /** The corpus texts built at each size (scripts/bench/corpus.ts): two independent vocabularies. */
  texts: CorpusText[];
  runs: number;
  searchRuns: number;
  /** The corpus size on which the peers, search, page weight and the dev loop are measured (the budgets' size). */
  searchSize: number;
  search: boolean;
  devLoop: boolean;
  /** Only the dev loop: no builds, no search or page weight. */
  devLoopOnly: boolean;
  /** The WACZ of a year and of the whole archive, at each size (scripts/bench/wacz.ts). */
  wacz: boolean;
  /** Edits the dev loop measures. */
  edits: number;
  maxRssBytes: number;
  /** A site built before: only search and page weight are measured on it. */
  site: string | undefined;
  /** Only the photos bench, on a corpus of this size. */
  media: number | undefined;
  /** Only the languages bench (all English against 10 % Spanish and French), on corpora of this size. */
  languages: number | undefined;
  /** Only the import bench, on a generated crawl of this many news pages. */
  importPages: number | undefined;
  workDir: string;
  resultsDir: string;
}
