/**
 * The preview session with a photo: replacing an item's image file, though its Markdown did not
 * change, re-renders the item with the image processed again, at once and after the whole build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PreviewSession } from "../../scripts/lib/preview/session.ts";
import { photoWithGps } from "../support/media.ts";
import { newsFile, page, repoRoot, tempDir, writeContent } from "../support/site.ts";

const contentDir = writeContent({
  "news/2023/signing/index.md": newsFile({
    title: "Signing",
    date: "2023-05-01",
    image: "\n  src: photo.jpg\n  alt: The signing table",
  }),
  "news/2023/signing/photo.jpg": await photoWithGps(1600, 1000),
});
const outDir = path.join(tempDir("preview-media-"), "_preview");
const session = await PreviewSession.start({ repoRoot, contentDir, outDir, now: "2025-06-01", log: () => {} });
await session.idle();

/** The lead image's fallback JPEG as the served page names it (its largest), and that file's pixel size. */
async function servedLeadImage() {
  const html = readFileSync(path.join(outDir, "news/2023/signing/index.html"), "utf8");
  const src = page(html)('meta[property="og:image"]').attr("content") ?? "";
  const name = src.slice(src.lastIndexOf("/") + 1);
  const { width, height } = await sharp(path.join(outDir, "news/2023/signing", name)).metadata();
  return { name, size: [width, height] };
}

test("a replaced photo is processed again: the page serves the new image's files, now and after a build", async () => {
  const before = await servedLeadImage();
  assert.equal(before.size, [1280, 800]);
  writeFileSync(path.join(contentDir, "news/2023/signing/photo.jpg"), await photoWithGps(1200, 900));
  assert.equal(await session.update(), { status: "updated", rendered: ["/news/2023/signing/"], removed: [] });
  const after = await servedLeadImage();
  assert.equal(after.size, [1200, 900]);
  assert.match(after.name, /-1200\.jpeg$/);
  assert.is.not(
    after.name.replace(/-\d+\.jpeg$/, ""),
    before.name.replace(/-\d+\.jpeg$/, ""),
    "a new content hash names the new files",
  );
  await session.idle();
  assert.equal(await servedLeadImage(), after);
  await session.close();
});

test.run();
