/**
 * The feeds and sitemap are read by programs that give up on the first error: a feed reader
 * drops a whole feed that is not well-formed XML. The build parses what it wrote before
 * publishing it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";

/** Characters XML 1.0 cannot carry at all, even escaped (https://www.w3.org/TR/xml/#charsets). */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Problems with the written `.xml` and `.json` files among `files` (site paths), one line each. */
export function discoveryFileProblems(outDir: string, files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(outDir, file), "utf8");
    if (file.endsWith(".json")) {
      try {
        JSON.parse(text);
      } catch (error) {
        problems.push(`${file}: is not valid JSON: ${(error as Error).message}`);
      }
    } else if (file.endsWith(".xml")) {
      const character = notXmlCharacter.exec(text);
      const checked = XMLValidator.validate(text);
      if (character) {
        const code = (character[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
        problems.push(`${file}: is not well-formed XML: it holds U+${code}, which XML cannot carry`);
      } else if (checked !== true)
        problems.push(`${file}: is not well-formed XML: line ${checked.err.line}: ${checked.err.msg}`);
    }
  }
  return problems;
}
