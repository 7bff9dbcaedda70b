import { refusalBox } from "../preview/refusal-box.ts";

/**
 * Under `npm start`, the build is the judge: after each save the page asks the preview
 * (scripts/lib/preview/editor-backend-thread.mjs) and, while the build refuses the content, shows
 * its message in a banner at the foot of the page, as npm start prints it. The form ends above the
 * banner (admin-page.css, --verdict-height), so no field is hidden under it.
 */
export function verdictBanner(verdictUrl: string): { afterSave(): Promise<void> } {
  const { box: banner, message } = refusalBox(
    "verdict",
    "Saved, but the build refuses it: the preview was not updated",
  );
  document.body.append(banner);
  const fit = () =>
    document.documentElement.style.setProperty("--verdict-height", banner.hidden ? "0px" : `${banner.offsetHeight}px`);
  new ResizeObserver(fit).observe(banner);

  return {
    async afterSave() {
      try {
        const { refusal } = (await (await fetch(verdictUrl)).json()) as { refusal: string | null };
        message.textContent = refusal ?? "";
        banner.hidden = !refusal;
        fit();
      } catch {
        // npm start stopped: the save itself went through or Decap said why not.
      }
    },
  };
}
