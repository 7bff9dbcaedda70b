/**
 * Peak memory of a process and all its descendants (npm → tsx → node → Pagefind's binary), sampled
 * from /proc every 50 ms, since `/usr/bin/time` sees only one process. The sum of RSS counts pages
 * shared between processes (the node binary, for one) once per process, so it errs high.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { repoRoot } from "../lib/util/repo-root.ts";

export interface MemoryPeak {
  /** Highest sum of RSS over the whole tree in one sample. */
  treeBytes: number;
  /** Highest RSS of any single process, by command name (`node`, `pagefind_extend`, `npm run build`…). */
  byCommand: Record<string, number>;
  samples: number;
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  command: string;
  rssBytes: number;
}

const pageSize = measurePageSize();

/** Bytes per page of /proc's RSS figures: read once from this process's two views of its own RSS. */
function measurePageSize(): number {
  try {
    const residentPages = Number(readFileSync("/proc/self/statm", "utf8").split(" ")[1]);
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
    const size = Math.round((rssKb * 1024) / residentPages / 4096) * 4096;
    return size > 0 ? size : 4096;
  } catch {
    return 4096;
  }
}

function readProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command sits in parentheses and may itself contain spaces or parentheses.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      entries.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        command: stat.slice(stat.indexOf("(") + 1, close),
        // Field 24 of stat (rss, in pages) is the 22nd after the command.
        rssBytes: Number(fields[21]) * pageSize,
      });
    } catch {
      // The process ended between listing and reading: it holds no memory any more.
    }
  }
  return entries;
}

/** `root` and everything below it, at this instant. */
export function processTree(root: number): ProcessEntry[] {
  const all = readProcesses();
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of all) {
    const siblings = children.get(entry.ppid);
    if (siblings) siblings.push(entry);
    else children.set(entry.ppid, [entry]);
  }
  const tree: ProcessEntry[] = [];
  const rootEntry = all.find((entry) => entry.pid === root);
  const queue = rootEntry ? [rootEntry] : [];
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    tree.push(entry);
    queue.push(...(children.get(entry.pid) ?? []));
  }
  return tree;
}

/**
 * Samples the tree under `root` until `stop()`. `onSample` sees each sample's total, e.g. to stop a
 * build that would exhaust the machine's memory.
 */
export function sampleTreeMemory(
  root: number,
  onSample?: (treeBytes: number) => void,
  intervalMs = 50,
): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { treeBytes: 0, byCommand: {}, samples: 0 };
  const sample = () => {
    const tree = processTree(root);
    let total = 0;
    for (const entry of tree) {
      total += entry.rssBytes;
      peak.byCommand[entry.command] = Math.max(peak.byCommand[entry.command] ?? 0, entry.rssBytes);
    }
    peak.treeBytes = Math.max(peak.treeBytes, total);
    peak.samples++;
    onSample?.(total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Process groups started by the bench (builds, `npm start`): stopped if the bench is interrupted. */
export const startedGroups = new Set<number>();

/**
 * Runs an npm script of this repository in its own process group, so that stopping it takes its
 * children (tsx, Pagefind) with it; the group is in `startedGroups` until the bench stops it.
 */
export function spawnNpmGroup(
  script: string,
  args: readonly string[],
): ChildProcessByStdio<null, Readable, Readable> & { pid: number } {
  const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`npm run ${script} did not start`);
  startedGroups.add(pid);
  return Object.assign(child, { pid });
}

export function stopGroup(pid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
