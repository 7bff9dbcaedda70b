/**
 * Loaded by every page: registers the service worker (src/assets/offline/sw.ts) for the archive's
 * folder, and when a new deploy's worker is waiting, offers a reload that switches to it.
 * The worker's and scope's URLs are taken from this script's own URL, so any base path works.
 */
const scriptUrl = import.meta.url;

function offerReload(worker: ServiceWorker): void {
  if (document.querySelector(".update-notice")) return;
  const notice = document.createElement("div");
  notice.className = "update-notice";
  notice.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "A new version of the archive is available — ";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  button.addEventListener("click", () => {
    button.disabled = true;
    worker.postMessage({ type: "SKIP_WAITING" });
  });
  notice.append(text, button);
  document.body.prepend(notice);
}

/** Event the search page sends once its first results are shown (src/assets/search/main.ts). */
export const searchSettledEvent = "archive:search-settled";

/**
 * Installing the worker downloads the shell and Pagefind's core files: wait until the page has
 * loaded (and the search page has shown its first results) so that this never competes with what
 * the reader is waiting for.
 */
function whenPageIsQuiet(): Promise<void> {
  const loaded =
    document.readyState === "complete"
      ? Promise.resolve()
      : new Promise<void>((resolve) => addEventListener("load", () => resolve(), { once: true }));
  const searched = document.getElementById("search")
    ? new Promise<void>((resolve) => {
        document.addEventListener(searchSettledEvent, () => resolve(), { once: true });
        setTimeout(resolve, 10_000);
      })
    : Promise.resolve();
  return Promise.all([loaded, searched]).then(
    () =>
      new Promise<void>((resolve) =>
        typeof requestIdleCallback === "function"
          ? requestIdleCallback(() => resolve(), { timeout: 2000 })
          : setTimeout(resolve, 200),
      ),
  );
}

async function register(): Promise<void> {
  await whenPageIsQuiet();
  const registration = await navigator.serviceWorker.register(new URL("../sw.js", scriptUrl), {
    scope: new URL("../", scriptUrl).pathname,
    updateViaCache: "none",
  });
  // The reload happens only once the new worker controls the page, so the page comes from the new build.
  let reloading = false;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  const watch = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerReload(worker);
    };
    check();
    worker.addEventListener("statechange", check);
  };
  watch(registration.waiting);
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));
  // The first page of a first visit was loaded before the worker ran: ask it to keep this one too.
  if (!hadController) {
    const ready = await navigator.serviceWorker.ready;
    ready.active?.postMessage({ type: "KEEP_PAGE", url: location.href.split("#")[0] });
  }
}

if ("serviceWorker" in navigator) {
  register().catch((error: unknown) => console.warn("offline reading is unavailable:", error));
}
