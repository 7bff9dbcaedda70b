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

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${where}: ${problem.field} ${problem.message}` : `${where}: ${problem.message}`;
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

/** Edit distance where swapping two neighbouring characters counts as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** `did you mean "x"?`, or an empty string when nothing is close. */
export function suggestion(value: string, known: readonly string[]): string {
  const match = closestMatch(value, known);
  return match ? `; did you mean "${match}"?` : "";
}
