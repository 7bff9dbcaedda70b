import path from "node:path";

/** The repository: Eleventy reads templates, data and .eleventy.ts from it as working directory. */
export const repoRoot = path.resolve(import.meta.dirname, "../../..");
