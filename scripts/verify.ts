/**
 * Checks a snapshot (any BagIt bag), as a folder or a zip: complete (no file missing, none added)
 * and valid (every checksum matches); or a web archive (.wacz): every file's hash, every WARC
 * record's digests, every index line's record, every page's links. Prints each problem; exits 0 when there is none, 1
 * when there are, 2 when there is nothing to check.
 *
 *   npm run verify -- <snapshot folder, zip or wacz>
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { formatBytes, pluralise } from "./lib/util/format.ts";
import { verifyBag, type Verification } from "./lib/snapshot/bagit.ts";
import { openBag } from "./lib/snapshot/sources.ts";
import { verifyWacz, type WaczVerification } from "./lib/snapshot/wacz.ts";
import { ZipError } from "./lib/snapshot/zip.ts";
import { runCommand } from "./lib/util/cli.ts";
import { printable } from "./lib/util/error-message.ts";

/** What `npm run verify` prints for a bag: one line when it is valid, else one line per problem. */
export function describeVerification(target: string, verification: Verification): string {
  if (verification.problems.length === 0) {
    return (
      `${target}: complete and valid: ${pluralise(verification.payloadFiles, "file")} ` +
      `(${formatBytes(verification.payloadBytes)}) in data/, ` +
      `every ${verification.algorithms.join(" and ")} checksum matches`
    );
  }
  return problemList(target, verification.problems);
}

/**
 * What `npm run verify` prints for a WACZ: one line when it is valid, else one line per problem,
 * the first failure first.
 */
export function describeWaczVerification(target: string, verification: WaczVerification): string {
  if (verification.problems.length === 0) {
    return (
      `${target}: valid web archive: ${pluralise(verification.resources, "file")}, ` +
      "every sha256 matches datapackage.json; " +
      `${pluralise(verification.records, "WARC record")}, every digest matches; ` +
      `${pluralise(verification.cdxLines, "index line")}, each finds its record, ` +
      `as does every link of a page to a file of the site; ${pluralise(verification.pages, "page")}`
    );
  }
  return problemList(target, verification.problems);
}

/** "<target>: not valid, N problems:" and the problems below, one an indented line. */
function problemList(target: string, problems: readonly string[]): string {
  const lines = problems.map((problem) => `  ${printable(problem)}`);
  return `${target}: not valid, ${pluralise(problems.length, "problem")}:\n${lines.join("\n")}`;
}

/** Verifies `target` and prints what was found: on stdout when it is valid, else on stderr with exit code 1. */
async function check<Result extends { problems: readonly string[] }>(
  target: string,
  verify: (target: string) => Promise<Result>,
  describe: (target: string, result: Result) => string,
): Promise<void> {
  let result: Result;
  try {
    result = await verify(target);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    console.error(`verify: ${printable(error.message)}`);
    process.exit(1);
  }
  const text = describe(printable(target), result);
  if (result.problems.length === 0) console.log(text);
  else {
    console.error(text);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const [target, ...rest] = process.argv.slice(2);
  const wrong =
    target === undefined
      ? "name the snapshot to check"
      : rest.length > 0
        ? "name one snapshot"
        : existsSync(target)
          ? undefined
          : `${printable(target)} does not exist`;
  if (wrong !== undefined || target === undefined) {
    console.error(`verify: ${wrong}\nusage: npm run verify -- <snapshot folder, zip or wacz>`);
    process.exit(2);
  }
  if (target.endsWith(".wacz")) {
    await check(target, verifyWacz, describeWaczVerification);
    return;
  }
  await check(target, async (bag) => verifyBag(await openBag(bag)), describeVerification);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCommand("verify", main);
