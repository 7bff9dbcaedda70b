/**
 * Watches folder trees for the preview, with chokidar: it keeps seeing a file that an editor's
 * "atomic" save or `sed -i` replaces by a rename, and a folder deleted and made again, which
 * Node 20's recursive `fs.watch` on Linux loses.
 */
import { watch } from "chokidar";

/**
 * Longer than chokidar's 50 ms throttle, which drops a second change to the same file within 50 ms
 * of the first without a later event: the batch is handed over only after any such change was written.
 */
export const SETTLE_MS = 60;

/**
 * Calls `onChanges` with the paths changed under `roots` once no change has been seen for
 * SETTLE_MS; resolves when the trees are watched.
 */
export async function watchTrees(
  roots: string[],
  onChanges: (files: string[]) => void,
): Promise<{ close(): Promise<void> }> {
  const watcher = watch(roots, { ignoreInitial: true });
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", (_event, file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed = new Set();
      onChanges(files);
    }, SETTLE_MS);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once("ready", resolve);
    watcher.once("error", reject);
  });
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
