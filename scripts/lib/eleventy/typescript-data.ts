import { pathToFileURL } from "node:url";
import type UserConfig from "@11ty/eleventy/UserConfig";

/**
 * Lets `_data/*.ts` be data files (Eleventy ignores them otherwise). A module's default export is
 * the data; a function is called. Modules without a default export (the schemas) add nothing.
 */
export default function typescriptData(eleventyConfig: UserConfig): void {
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (file: string) => {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return typeof module.default === "function" ? await (module.default as () => unknown)() : module.default;
    },
  });
}
