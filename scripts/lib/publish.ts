/**
 * A build writes into a sibling temporary folder and only replaces the output folder once every
 * phase succeeded, so a failed or killed build never leaves a broken or partial site in place.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** A fresh staging folder next to `outDir` (same file system, so the final rename is atomic). */
export function stagingDir(outDir: string): string {
  recoverInterruptedBuilds(outDir);
  const dir = `${outDir}.tmp-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Swaps the staged build in: at no moment does `outDir` hold a mix of two builds. */
export function publish(staged: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(staged, outDir);
    return;
  }
  const previous = `${outDir}.old-${process.pid}`;
  renameSync(outDir, previous);
  renameSync(staged, outDir);
  rmSync(previous, { recursive: true, force: true });
}

export function discard(staged: string): void {
  rmSync(staged, { recursive: true, force: true });
}

/**
 * Cleans up after killed builds: removes `<out>.tmp-<pid>` and `<out>.old-<pid>` whose process is
 * gone, first putting back a last good site that a kill between publishing's two renames left as
 * `.old-<pid>`. A build does this before anything else, so even a build that then fails restores it.
 */
export function recoverInterruptedBuilds(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = new RegExp(`^${escapeRegExp(base)}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    const leftover = path.join(parent, name);
    // A build killed between its two renames left the last good site as `.old-<pid>`: put it back.
    if (match[1] === "old" && !existsSync(outDir)) renameSync(leftover, outDir);
    else rmSync(leftover, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
