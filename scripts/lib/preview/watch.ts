/**
 * Watches a folder tree for changes by watching each of its folders.
 *
 * Node 20's `fs.watch(dir, { recursive: true })` on Linux watches every file on its own, and loses a
 * file once it is replaced by a rename, which is how `sed -i` and many editors ("atomic" or "safe"
 * save) write: the first save was seen, every later one was not. A folder's own watch reports
 * whatever happens to the names in it, replaced files included, so this keeps one watch per folder
 * and adds one for each folder that appears.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface TreeWatcher {
  close(): void;
}

/** Calls `onChange` with the path of each file or folder that changed under `root`. */
export function watchTree(root: string, onChange: (file: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    // A folder that appears again (deleted and created, moved back) is a new folder to the system: watched anew.
    watchers.get(dir)?.close();
    watchers.delete(dir);
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : dir;
        if (file !== dir && isFolder(file)) addTree(file);
        onChange(file);
      });
    } catch {
      return; // Gone already.
    }
    watcher.on("error", () => {
      // The folder was deleted: its parent's watch reports that.
      watcher.close();
      if (watchers.get(dir) === watcher) watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };
  const addTree = (dir: string) => {
    add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) addTree(path.join(dir, entry.name));
  };
  addTree(root);
  return {
    close: () => {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
