/**
 * Loaded into each test file's process by the runner (scripts/test.ts) with `--import`: counts
 * what uvu ran and writes the counts, as JSON, to file descriptor 3 when the process exits.
 *
 * uvu 0.5 queues each suite's runner in `globalThis.UVU_QUEUE` (an array of groups: a name, then
 * runners) and runs them in order; a runner resolves to `[errors, passed, skipped, total]`. The
 * group made here wraps each runner as uvu queues it, so the counts are uvu's own, not its text.
 */
import { writeSync } from "node:fs";

type SuiteRun = () => Promise<[errors: string | true, passed: number, skipped: number, total: number]>;

const counts = { passed: 0, failed: 0, skipped: 0 };
const group: unknown[] = [null];
group.push = (...runs: unknown[]) =>
  Array.prototype.push.apply(
    group,
    runs.map((run) => async () => {
      const result = await (run as SuiteRun)();
      const [, passed, skipped, total] = result;
      counts.passed += passed;
      counts.failed += total - passed;
      counts.skipped += skipped;
      return result;
    }),
  );
(globalThis as { UVU_QUEUE?: unknown[][] }).UVU_QUEUE = [group];

process.on("exit", () => {
  try {
    writeSync(3, JSON.stringify(counts));
  } catch {
    // Run without the runner: nobody reads the counts.
  }
});
