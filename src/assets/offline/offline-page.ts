/**
 * The Offline reading page (/offline/), also shown by the service worker in place of a page that
 * was never saved. Lists the pages this device has, and saves or removes the whole archive: every
 * page and the whole search index, with the size before it starts, a progress bar, a way to
 * cancel, and the storage used after. It asks the browser to keep the data (persistent storage).
 */
import { cacheNames, offlineManifestPath, offlinePagePath, type OfflineManifest } from "../shared/offline-files.ts";

const root = new URL("../", import.meta.url);
const at = (path: string) => new URL(path.replace(/^\//, ""), root);
const concurrency = 6;

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`offline page: #${id} is missing`);
  return found;
}

const megabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

const ui = {
  status: byId("offline-status", HTMLParagraphElement),
  size: byId("offline-size", HTMLParagraphElement),
  save: byId("offline-save", HTMLButtonElement),
  cancel: byId("offline-cancel", HTMLButtonElement),
  remove: byId("offline-remove", HTMLButtonElement),
  progress: byId("offline-progress", HTMLProgressElement),
  progressText: byId("offline-progress-text", HTMLParagraphElement),
  usage: byId("offline-usage", HTMLParagraphElement),
  available: byId("offline-available", HTMLUListElement),
  availableCount: byId("offline-available-count", HTMLParagraphElement),
  availableSection: byId("offline-available-section", HTMLElement),
};

let manifest: OfflineManifest | undefined;
let running: AbortController | undefined;

/**
 * The list of files to save; "unreachable" when it cannot be downloaded (this device is offline),
 * "not served" when the server answers that it has none (a preview under npm start writes none).
 */
async function loadManifest(): Promise<OfflineManifest | "unreachable" | "not served"> {
  try {
    const response = await fetch(at(offlineManifestPath), { cache: "no-store" });
    if (response.status === 404) return "not served";
    return response.ok ? ((await response.json()) as OfflineManifest) : "unreachable";
  } catch {
    return "unreachable";
  }
}

const listedPages = 100;
const count = (n: number, noun: string) => `${n.toLocaleString("en-GB")} ${noun}${n === 1 ? "" : "s"}`;

/** "1 page is saved on this device." / "2,694 pages are saved on this device; the first 100 by address are listed." */
function savedPagesText(saved: number, listed: number): string {
  if (saved === 0) return "No pages are saved on this device yet.";
  const sentence = `${count(saved, "page")} ${saved === 1 ? "is" : "are"} saved on this device`;
  return listed < saved
    ? `${sentence}; the first ${listed.toLocaleString("en-GB")}, by address, are listed below.`
    : `${sentence}.`;
}

/** Saved pages, by address, so a reader offline can see what is there. */
async function listAvailable(): Promise<void> {
  const cache = await caches.open(cacheNames.pages);
  // By address: cheap to sort (titles would mean reading every saved page), and news sorts by year.
  const requests = (await cache.keys())
    .filter((request) => new URL(request.url).pathname !== at(offlinePagePath).pathname)
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const shown = requests.slice(0, listedPages);
  ui.availableCount.textContent = savedPagesText(requests.length, shown.length);
  const items = await Promise.all(
    shown.map(async (request) => {
      const response = await cache.match(request);
      const html = response ? await response.text() : "";
      const title =
        new DOMParser().parseFromString(html, "text/html").querySelector("h1")?.textContent?.trim() || request.url;
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = request.url;
      link.textContent = title;
      item.append(link);
      return item;
    }),
  );
  ui.available.replaceChildren(...items);
}

async function showUsage(): Promise<void> {
  const estimate = await navigator.storage?.estimate?.();
  const persisted = await navigator.storage?.persisted?.();
  if (!estimate?.usage) {
    ui.usage.textContent = "";
    return;
  }
  ui.usage.textContent =
    `The archive's saved pages and search use ${megabytes(estimate.usage)} of this device's storage. ` +
    (persisted ? "Your browser will keep them." : "Your browser may remove them if the device runs short of space.");
}

async function missingFiles(files: OfflineManifest["files"]): Promise<OfflineManifest["files"]> {
  const opened = await Promise.all(
    [cacheNames.pages, cacheNames.search, cacheNames.media].map((name) => caches.open(name)),
  );
  const saved = new Set((await Promise.all(opened.map((cache) => cache.keys()))).flat().map((request) => request.url));
  return files.filter((file) => !saved.has(at(file.url).href));
}

async function save(): Promise<void> {
  if (!manifest || running) return;
  const controller = new AbortController();
  running = controller;
  ui.save.disabled = true;
  ui.remove.disabled = true;
  ui.cancel.hidden = false;
  ui.progress.hidden = false;
  await navigator.storage?.persist?.().catch(() => false);
  const todo = await missingFiles(manifest.files);
  // Counted over the whole archive, as the size above said: files already saved count as done.
  const total = manifest.bytes;
  const totalFiles = manifest.files.length;
  let done = total - todo.reduce((sum, file) => sum + file.bytes, 0);
  let files = totalFiles - todo.length;
  const report = () => {
    ui.progress.max = Math.max(total, 1);
    ui.progress.value = done;
    ui.progressText.textContent =
      `${megabytes(done)} of ${megabytes(total)} ` +
      `(${files.toLocaleString("en-GB")} of ${count(totalFiles, "file")})`;
  };
  report();
  const caches_ = {
    pages: await caches.open(cacheNames.pages),
    search: await caches.open(cacheNames.search),
    media: await caches.open(cacheNames.media),
  };
  const queue = [...todo];
  let failed = 0;
  const worker = async () => {
    for (let file = queue.shift(); file && !controller.signal.aborted; file = queue.shift()) {
      try {
        const response = await fetch(at(file.url), { signal: controller.signal });
        if (!response.ok) throw new Error(`${response.status}`);
        await caches_[file.cache].put(at(file.url), response);
      } catch {
        if (!controller.signal.aborted) failed++;
      }
      done += file.bytes;
      files++;
      report();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  running = undefined;
  ui.cancel.hidden = true;
  ui.save.disabled = false;
  ui.remove.disabled = false;
  ui.status.textContent = controller.signal.aborted
    ? "Saving was cancelled. What was already saved stays; Save continues where it stopped."
    : failed > 0
      ? `The archive is saved, except ${count(failed, "file")} that could not be downloaded. Save again to retry them.`
      : "The whole archive is saved on this device: every page and search work offline.";
  await Promise.all([listAvailable(), showUsage()]);
}

async function remove(): Promise<void> {
  if (running) return;
  await Promise.all([
    caches.delete(cacheNames.pages),
    caches.delete(cacheNames.search),
    caches.delete(cacheNames.media),
  ]);
  ui.status.textContent = "The saved archive was removed from this device.";
  ui.progress.hidden = true;
  ui.progressText.textContent = "";
  await Promise.all([listAvailable(), showUsage()]);
}

async function main(): Promise<void> {
  const shownInsteadOfAnotherPage = location.pathname !== at(offlinePagePath).pathname;
  if (shownInsteadOfAnotherPage) {
    ui.status.textContent =
      `You are offline, and ${location.pathname} is not saved on this device. ` + "The pages below are.";
  }
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    ui.status.textContent = "This browser cannot keep the archive for offline reading.";
    return;
  }
  ui.save.addEventListener("click", () => void save());
  ui.cancel.addEventListener("click", () => running?.abort());
  ui.remove.addEventListener("click", () => void remove());
  // Shown in place of a page that could not be downloaded: the list cannot be either.
  const list = shownInsteadOfAnotherPage ? "unreachable" : await loadManifest();
  if (typeof list === "object") {
    manifest = list;
    ui.size.textContent =
      `The whole archive is ${count(list.files.length, "file")}, ${megabytes(list.bytes)} in all; ` +
      "saving downloads only those not saved yet.";
    ui.save.disabled = false;
  } else if (list === "not served") {
    ui.status.textContent =
      "This copy of the archive has no offline files (a preview has none): " +
      "saving it for offline reading works on the published archive.";
    ui.size.textContent = "There is no list of files to save here.";
  } else {
    // The list is never saved: failing to download it is what tells that this device is offline.
    if (!shownInsteadOfAnotherPage)
      ui.status.textContent = "You are offline. The pages below are saved on this device.";
    ui.size.textContent = "The list of files to save can only be fetched online.";
  }
  ui.remove.disabled = false;
  ui.availableSection.hidden = false;
  await Promise.all([listAvailable(), showUsage()]);
}

void main();
