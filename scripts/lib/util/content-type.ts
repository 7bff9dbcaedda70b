import path from "node:path";
import { contentType } from "mime-types";

/**
 * A file's Content-Type as hosts send it (mime-types), by its name; anything unknown (Pagefind's
 * own files) is bytes.
 */
export function contentTypeOf(file: string): string {
  return contentType(path.extname(file)) || "application/octet-stream";
}
