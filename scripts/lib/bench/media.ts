/**
 * Photos at scale (`npm run bench -- --media 1000`): the bench corpus of that size with one
 * generated photo per news item (each item a page bundle), built in this process three times:
 * without photos, with photos and an empty image cache, and again with the cache kept. Reports
 * each build's total, the media phase's time, images processed and reused, and the cache's size.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { build } from "../build/build.ts";
import { folderSize, writeBenchCorpus } from "./builds.ts";

export interface MediaBuild {
  label: string;
  totalMs: number;
  mediaMs: number;
  images: number;
  processed: number;
  reused: number;
}

export interface MediaBenchResult {
  size: number;
  photos: number;
  photoBytes: number;
  builds: MediaBuild[];
  cacheBytes: number;
}

/** A 1600×1000 JPEG, different for each index, as a camera's photo would be (no two alike). */
async function generatedPhoto(index: number): Promise<Buffer> {
  const hue = (index * 37) % 360;
  const x = 300 + ((index * 131) % 1000);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><rect width="1600" height="1000" fill="hsl(${hue},40%,60%)"/><circle cx="${x}" cy="500" r="280" fill="hsl(${(hue + 180) % 360},50%,45%)"/><rect x="100" y="700" width="1400" height="200" fill="hsl(${hue},30%,30%)" fill-opacity="0.6"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Turns each news item of a corpus into a bundle with its own photo as the lead image. */
async function addPhotos(contentDir: string): Promise<{ photos: number; bytes: number }> {
  const newsDir = path.join(contentDir, "news");
  let photos = 0;
  let bytes = 0;
  for (const year of readdirSync(newsDir)) {
    for (const name of readdirSync(path.join(newsDir, year)).filter((file) => file.endsWith(".md"))) {
      const bundle = path.join(newsDir, year, name.replace(/\.md$/, ""));
      mkdirSync(bundle);
      const text = readFileSync(path.join(newsDir, year, name), "utf8");
      writeFileSync(path.join(bundle, "index.md"), text.replace(/^---\n/, `---\nimage:\n  src: photo.jpg\n  alt: Generated picture ${photos + 1}\n`));
      rmSync(path.join(newsDir, year, name));
      const photo = await generatedPhoto(photos);
      writeFileSync(path.join(bundle, "photo.jpg"), photo);
      photos++;
      bytes += photo.length;
    }
  }
  return { photos, bytes };
}

export async function benchMedia(size: number, workDir: string, log: (line: string) => void): Promise<MediaBenchResult> {
  const root = path.join(workDir, `media-${size}`);
  rmSync(root, { recursive: true, force: true });
  const plain = path.join(root, "plain");
  const withPhotos = path.join(root, "photos");
  const cacheDir = path.join(root, "cache");
  writeBenchCorpus(size, plain);
  writeBenchCorpus(size, withPhotos);
  log(`media: writing ${size} items' photos…`);
  const { photos, bytes } = await addPhotos(withPhotos);
  const builds: MediaBuild[] = [];
  const run = async (label: string, contentDir: string) => {
    const report = await build({ contentDir, outDir: path.join(root, "_site"), mediaCacheDir: cacheDir, log: (line) => log(`  ${line}`) });
    const total = report.phases.reduce((sum, phase) => sum + phase.ms, 0);
    const media = report.phases.find((phase) => phase.name === "media")?.ms ?? 0;
    builds.push({ label, totalMs: total, mediaMs: media, images: report.media.images, processed: report.media.processed, reused: report.media.reused });
    log(`media: ${label}: ${(total / 1000).toFixed(1)} s in all, media phase ${(media / 1000).toFixed(1)} s, ${report.media.processed} processed, ${report.media.reused} reused`);
  };
  await run("no photos", plain);
  await run("photos, empty cache", withPhotos);
  await run("photos, cache kept", withPhotos);
  const cacheBytes = folderSize(cacheDir).bytes;
  rmSync(root, { recursive: true, force: true });
  return { size, photos, photoBytes: bytes, builds, cacheBytes };
}

/** The Markdown table of the media bench. */
export function mediaSection(result: MediaBenchResult): string {
  const rows = result.builds.map(
    (run) => `| ${run.label} | ${(run.totalMs / 1000).toFixed(1)} s | ${(run.mediaMs / 1000).toFixed(1)} s | ${run.images} | ${run.processed} | ${run.reused} |`,
  );
  return [
    `## Photos (${result.size} items, ${result.photos} photos of 1600×1000, ${(result.photoBytes / 1e6).toFixed(1)} MB)`,
    "",
    "| build | total | media phase | images | processed | reused |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Image cache: ${(result.cacheBytes / 1e6).toFixed(1)} MB.`,
  ].join("\n");
}
