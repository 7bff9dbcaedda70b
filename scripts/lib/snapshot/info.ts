/**
 * What a snapshot says about itself: its period, the day it was taken, what made it and from which
 * commit of the content. The templates show it (the banner on every page and the /snapshot/ page)
 * and bag-info.txt records it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Period } from "../model/archive.ts";

export interface SnapshotInfo {
  period: Period;
  /** "2023", or "2019–2021". */
  label: string;
  /** The day the snapshot was taken (YYYY-MM-DD): the build's "now" and the bag's Bagging-Date. */
  takenOn: string;
  /** "iap-news-archive 0.1.0": the name and version in package.json. */
  generator: string;
  /** The content folder's git commit, when the folder is in a git repository. */
  commit?: ContentCommit;
}

export interface ContentCommit {
  id: string;
  /** The news/ or abstracts/ folder had uncommitted changes: the commit alone does not give this content. */
  modified: boolean;
}

/** "2023" for one year, "2019–2021" (en dash) for several. */
export function periodLabel(period: Period): string {
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

/** The same period in a file name: "2023", "2019-2021". */
export function periodSlug(period: Period): string {
  return period.from === period.to ? String(period.from) : `${period.from}-${period.to}`;
}

const packageSchema = z.object({ name: z.string().min(1), version: z.string().min(1) });

/** "iap-news-archive 0.1.0", from the repository's package.json. */
export function generatorOf(repoRoot: string): string {
  const { name, version } = packageSchema.parse(JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")));
  return `${name} ${version}`;
}

/** The commit checked out where the content folder is, or undefined outside a git repository (or without git). */
export function contentCommit(contentDir: string): ContentCommit | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", contentDir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const id = git("rev-parse", "HEAD");
    if (!/^[0-9a-f]{40,64}$/.test(id)) return undefined;
    return { id, modified: git("status", "--porcelain", "--", "news", "abstracts") !== "" };
  } catch {
    return undefined;
  }
}
