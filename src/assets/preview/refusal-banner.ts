/**
 * The preview's pages only (npm start's server adds it beside its live-reload client; no page of a
 * build loads it): while the build refuses the content, the page says it is out of date and shows
 * the build's own message, as npm start prints it. The server sends the refusal, or null once the
 * build accepts the content again, as server-sent events (scripts/lib/preview/server-thread.mjs).
 */
import { refusalEventsPath } from "../shared/preview-paths.ts";
import { refusalBox } from "./refusal-box.ts";

const { box: banner, message } = refusalBox(
  "preview-refusal",
  "This page is out of date: the build refuses the content",
);
const advice = document.createElement("p");
advice.textContent =
  "The last good preview is shown. Fix the file and save it: this page reloads once the build accepts it.";
banner.append(advice);

function show(refusal: string | null): void {
  message.textContent = refusal ?? "";
  banner.hidden = refusal === null;
}

document.addEventListener("DOMContentLoaded", () => {
  // Below the preview's notice, at the top of the main landmark.
  const notice = document.querySelector(".preview-notice");
  if (notice) notice.after(banner);
  else document.querySelector("main")?.prepend(banner);
  new EventSource(refusalEventsPath).addEventListener("message", (event) =>
    show((JSON.parse(event.data) as { refusal: string | null }).refusal),
  );
});
