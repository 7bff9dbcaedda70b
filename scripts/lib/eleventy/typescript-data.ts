import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { dataFiles } from "../content/data.ts";

/**
 * Lets `_data/*.ts` be data files (Eleventy ignores them otherwise): each is given to templates as
 * checked against its schema by content/data.ts, the one place every script reads them from too.
 */
export default function typescriptData(eleventyConfig: UserConfig): void {
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: (file: string) => {
      const name = path.basename(file, ".ts");
      if (!Object.hasOwn(dataFiles, name))
        throw new Error(
          `${path.join("_data", path.basename(file))}: not a data file the build knows (site, topics, conferences)`,
        );
      return dataFiles[name];
    },
  });
}
