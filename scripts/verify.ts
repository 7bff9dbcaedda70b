/**
 * Checks a snapshot (any BagIt bag), as a folder or a zip: complete (no file missing, none added)
 * and valid (every checksum matches). Prints each problem; exits 0 when there is none, 1 when there
 * are, 2 when there is nothing to check.
 *
 *   npm run verify -- <snapshot folder or zip>
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { pluralise } from "./eleventy/filters.ts";
import { formatBytes } from "./lib/util/format.ts";
import { verifyBag, type Verification } from "./lib/snapshot/bagit.ts";
import { openBag } from "./lib/snapshot/sources.ts";
import { ZipError } from "./lib/snapshot/zip.ts";

/** What `npm run verify` prints for a bag: one line when it is valid, else one line per problem. */
export function describeVerification(target: string, verification: Verification): string {
  if (verification.problems.length === 0) {
    return `${target}: complete and valid: ${pluralise(verification.payloadFiles, "file")} (${formatBytes(verification.payloadBytes)}) in data/, every ${verification.algorithms.join(" and ")} checksum matches`;
  }
  return `${target}: not valid, ${pluralise(verification.problems.length, "problem")}:\n${verification.problems.map((problem) => `  ${problem}`).join("\n")}`;
}

function main(): void {
  const [target, ...rest] = process.argv.slice(2);
  const wrong = target === undefined ? "name the snapshot to check" : rest.length > 0 ? "name one snapshot" : existsSync(target) ? undefined : `${target} does not exist`;
  if (wrong !== undefined || target === undefined) {
    console.error(`verify: ${wrong}\nusage: npm run verify -- <snapshot folder or zip>`);
    process.exit(2);
  }
  let verification: Verification;
  try {
    verification = verifyBag(openBag(target));
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    console.error(`verify: ${error.message}`);
    process.exit(1);
  }
  const text = describeVerification(target, verification);
  if (verification.problems.length === 0) console.log(text);
  else {
    console.error(text);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
