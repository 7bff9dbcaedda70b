/**
 * A build writes into a sibling temporary folder and only replaces the output folder once every
 * phase succeeded, so a failed or killed build never leaves a broken or partial site in place.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
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
  removeInBackground(previous, trashDir(outDir));
}

let trashCount = 0;

/**
 * Where a folder of the build waits to be deleted: hidden, next to the output,
 * `.site.trash-<pid>-<n>[-what]`. Each is new: the previous one of this process (builds in one
 * process, the preview's passes) may still be being deleted.
 */
export function trashDir(outDir: string, what = ""): string {
  return path.join(
    path.dirname(path.resolve(outDir)),
    `.${path.basename(outDir)}.trash-${process.pid}-${++trashCount}${what ? `-${what}` : ""}`,
  );
}

/**
 * Deleting a replaced site costs seconds at scale, and nothing needs to wait for it: it
 * is renamed out of the way and deleted by a detached `rm -rf` that outlives the build. Where there
 * is no `rm`, or it cannot start, it is deleted here.
 */
export function removeInBackground(dir: string, trash: string): void {
  renameSync(dir, trash);
  if (process.platform !== "win32") {
    try {
      const remover = spawn("rm", ["-rf", "--", trash], { detached: true, stdio: "ignore" });
      remover.on("error", () => rmSync(trash, { recursive: true, force: true }));
      remover.unref();
      return;
    } catch {
      // Fall through: delete it here.
    }
  }
  rmSync(trash, { recursive: true, force: true });
}

/** A trash folder older than this is a removal that died (machine restarted): the next build deletes it. */
const staleTrashMs = 10 * 60 * 1000;

export function discard(staged: string): void {
  rmSync(staged, { recursive: true, force: true });
}

/**
 * Cleans up after killed builds: removes `<out>.tmp-<pid>` and `<out>.old-<pid>` whose process is
 * gone, first putting back a last good site that a kill between publishing's two renames left as
 * `.old-<pid>`. A build does this before anything else, so even a build that then fails restores it.
 * A leftover holds a whole site: it is deleted in the background.
 */
export function recoverInterruptedBuilds(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${base}.trash-`)) {
      const trash = path.join(parent, name);
      // Its `rm` may finish between the listing and this look.
      const stats = statSync(trash, { throwIfNoEntry: false });
      if (stats && Date.now() - stats.ctimeMs > staleTrashMs) rmSync(trash, { recursive: true, force: true });
      continue;
    }
    const match = new RegExp(`^${escapeRegExp(base)}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    const leftover = path.join(parent, name);
    // A build killed between its two renames left the last good site as `.old-<pid>`: put it back.
    if (match[1] === "old" && !existsSync(outDir)) renameSync(leftover, outDir);
    else removeInBackground(leftover, trashDir(outDir, `${match[1]}-${match[2]}`));
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
