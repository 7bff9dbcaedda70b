/**
 * `npm run corpus`: writes a deterministic synthetic content folder (scripts/bench/corpus.ts)
 * for load-testing the build and the search index.
 *
 *   npm run corpus -- --news 8000 --abstracts 2000 --out /tmp/corpus [--seed 1] [--text subtlex|brown]
 *     [--other-languages 0.1]
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  corpusTexts,
  generateCorpus,
  UsageError,
  writeCorpus,
  type CorpusOptions,
  type CorpusText,
} from "./bench/corpus.ts";
import { formatBytes } from "./lib/util/format.ts";

const USAGE =
  "usage: npm run corpus -- --out <dir> [--news 8000] [--abstracts 2000] [--seed 1] [--text subtlex|brown] " +
  "[--other-languages 0.1]";

function parseCount(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

/** A share from 0 to 1: "0.1" is 10 %. */
export function parseShare(name: string, value: string): number {
  const share = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || share > 1)
    throw new UsageError(`--${name} must be a share from 0 to 1, e.g. 0.1 for 10 %, got "${value}"`);
  return share;
}

export function parseCliArgs(args: readonly string[]): Required<CorpusOptions> & { out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        news: { type: "string", default: "8000" },
        abstracts: { type: "string", default: "2000" },
        seed: { type: "string", default: "1" },
        text: { type: "string", default: "subtlex" },
        "other-languages": { type: "string", default: "0" },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.out === undefined || values.out === "") throw new UsageError("--out <dir> is required");
  if (!corpusTexts.includes(values.text as CorpusText))
    throw new UsageError(`--text must be one of ${corpusTexts.join(", ")}, got "${values.text}"`);
  return {
    news: parseCount("news", values.news),
    abstracts: parseCount("abstracts", values.abstracts),
    seed: parseCount("seed", values.seed),
    text: values.text as CorpusText,
    otherLanguages: parseShare("other-languages", values["other-languages"]),
    out: values.out,
  };
}

function main(): void {
  try {
    const options = parseCliArgs(process.argv.slice(2));
    const started = performance.now();
    const bytes = writeCorpus(options.out, generateCorpus(options));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const otherLanguages =
      options.otherLanguages > 0 ? ` (${Math.round(options.otherLanguages * 100)} % in Spanish or French)` : "";
    console.log(
      `wrote ${options.news} news and ${options.abstracts} abstracts${otherLanguages} (${formatBytes(bytes)}) ` +
        `to ${options.out} in ${seconds} s`,
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`generate-corpus: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
