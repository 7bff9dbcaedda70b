/**
 * `npm run lint`: ESLint (typescript-eslint's recommended rules, lines of at most 120 characters)
 * and Prettier's check over every TypeScript file git tracks, or those under the paths given
 * (`npm run lint -- scripts/lib`). The configuration lives here, not in files at the top of the
 * repository. `npm run format` rewrites files as Prettier wants.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import { ESLint } from "eslint";
import { defineConfig } from "eslint/config";
import * as prettier from "prettier";
import tseslint from "typescript-eslint";

const root = path.resolve(import.meta.dirname, "..");
const maxLineLength = 120;

const config = defineConfig(js.configs.recommended, tseslint.configs.recommended, {
  rules: {
    // Prettier breaks code at the print width; this catches what it cannot break: comments and strings.
    "max-len": ["error", { code: maxLineLength, ignoreUrls: false }],
    // A variable that callbacks read before its one assignment (start.ts's server) must stay `let`.
    "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    "@typescript-eslint/no-unused-vars": [
      "error",
      { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
    ],
  },
});

// The files git tracks (never an output, a corpus or a dependency), or those of the folders or files named.
const files = execFileSync(
  "git",
  ["ls-files", "-z", "--", ...(process.argv.length > 2 ? process.argv.slice(2) : ["*.ts"])],
  {
    cwd: root,
    encoding: "utf8",
  },
)
  .split("\0")
  .filter((file) => file.endsWith(".ts"))
  .map((file) => path.join(root, file));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
const results = await eslint.lintFiles(files);
const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
if (problems > 0) console.log((await eslint.loadFormatter("stylish")).format(results));

const options = await prettier.resolveConfig(path.join(root, "package.json"));
const unformatted: string[] = [];
for (const file of files) {
  if (!(await prettier.check(readFileSync(file, "utf8"), { ...options, filepath: file }))) unformatted.push(file);
}
for (const file of unformatted)
  console.log(`${path.relative(root, file)}: not formatted as Prettier would (npm run format)`);

console.log(`lint: ${files.length} files, ${problems} ESLint problems, ${unformatted.length} not formatted`);
process.exitCode = problems > 0 || unformatted.length > 0 ? 1 : 0;
