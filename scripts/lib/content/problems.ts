import { editDistance } from "../../../src/assets/shared/suggest.ts";
import { printable } from "../util/error-message.ts";

// One edit distance for "did you mean" and the search page's spelling suggestions.
export { editDistance };

/** A content problem, reported with where it is and what is allowed. */
export interface Problem {
  /** Path of the content file, relative to the working directory. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The front-matter field, e.g. "date" or "speakers[0].name", when the problem is in one. */
  field?: string;
  message: string;
}

/** One line, whatever the file's name, the field's or the value holds: control characters are shown escaped. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return printable(problem.field ? `${where}: ${problem.field} ${problem.message}` : `${where}: ${problem.message}`);
}

/** Thrown when content does not validate; carries every problem of the build, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? "1 content error" : `${problems.length} content errors`;
    super(`${count}:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** A zod issue's path as staff write it: "speakers[0].name". */
export function fieldName(pathParts: readonly PropertyKey[]): string {
  return pathParts.reduce<string>(
    (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    "",
  );
}

/** The known value nearest to a mistyped one, if it is near enough to be a plausible typo. */
export function closestMatch(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // "coperation" should find "international-cooperation": compare with the id's hyphenated tails too.
    const parts = candidate.toLowerCase().split("-");
    const tails = parts.map((_, index) => parts.slice(index).join("-"));
    const distance = Math.min(...tails.map((tail) => editDistance(value.toLowerCase(), tail)));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** `did you mean "x"?`, or an empty string when nothing is close. */
export function suggestion(value: string, known: readonly string[]): string {
  const match = closestMatch(value, known);
  return match ? `; did you mean "${match}"?` : "";
}
