/**
 * The layout's rules, read from the import statements of scripts/ and src/assets/: no file circle,
 * the snapshot's library never imports the build's phases (phases use it, as they use search/ and
 * editor/), and nothing under scripts/lib/ imports the benchmark.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { listFiles } from "../../scripts/lib/util/list-files.ts";
import { repoRoot } from "../../scripts/lib/util/repo-root.ts";

type Graph = Map<string, string[]>;

/** Each TypeScript file under `folders` (repository paths) with the repository files it imports, type-only too. */
function importGraph(folders: string[]): Graph {
  const files = folders
    .flatMap((folder) => listFiles(path.join(repoRoot, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(repoRoot, file), "utf8"), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => path.posix.join(path.posix.dirname(file), specifier))
      .filter((target) => known.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The graph's circles, each as its files in sorted order (Tarjan's strongly connected components of more than one file,
 * or a file importing itself).
 */
function circles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Imports from files under `from` of files under `to`, as "importer → imported". */
function importsBetween(graph: Graph, from: string, to: string): string[] {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith(from)
      ? targets.filter((target) => target.startsWith(to)).map((target) => `${file} → ${target}`)
      : [],
  );
}

const graph = importGraph(["scripts", "src/assets"]);

test("the import graph is read: a CLI's import of its library, and a phase's import of the snapshot's library", () => {
  assert.ok(graph.get("scripts/build.ts")?.includes("scripts/lib/phases/build.ts"));
  assert.ok(graph.get("scripts/lib/phases/snapshot.ts")?.includes("scripts/lib/snapshot/links.ts"));
});

test("a circle is found, however long, and a diamond is none", () => {
  const made: Graph = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a", "d"]],
    ["d", []],
    ["e", ["d", "f"]],
    ["f", ["d"]],
  ]);
  assert.equal(circles(made), [["a", "b", "c"]]);
});

test("no file circle among the imports of scripts/ and src/assets/", () => {
  assert.equal(circles(graph), []);
});

test("the snapshot's library imports nothing of the build's phases", () => {
  assert.equal(importsBetween(graph, "scripts/lib/snapshot/", "scripts/lib/phases/"), []);
});

test("nothing under scripts/lib/ imports the benchmark", () => {
  assert.equal(importsBetween(graph, "scripts/lib/", "scripts/bench/"), []);
});

test.run();
