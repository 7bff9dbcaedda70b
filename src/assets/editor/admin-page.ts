// The editor page's own script, bundled into /admin/editor.js beside Decap CMS (a classic script,
// run after decap-cms.js and before Decap starts). Its settings come from its <script> tag,
// written by the build (scripts/lib/phases/editor.ts):
//   data-stylesheet  the site's stylesheet, for the preview pane;
//   data-rules       the required fields of optional objects (scripts/lib/editor/config.ts,
//                    `RequiredWithObject`), which Decap does not check itself (decaporg/decap-cms#7748);
//   data-verdict     under `npm start`, where to ask after a save whether the build refuses the
//                    content (scripts/lib/preview/editor-backend-thread.mjs).
import type { RequiredWithObject } from "../../../scripts/lib/editor/config.ts";

/** The part of Decap's global `CMS` (decapcms.org/docs/beta-features, registerEventListener) used here; its values are Immutable.js maps. */
interface ImmutableMap {
  get(key: string): unknown;
  delete(key: string): ImmutableMap;
  values(): Iterable<unknown>;
}
interface DecapEntry {
  get(key: "data"): ImmutableMap;
  get(key: "collection"): string;
}
declare const CMS: {
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerEventListener(listener: { name: "preSave" | "postSave"; handler: (event: { entry: DecapEntry }) => unknown }): void;
};

(() => {
  const settings = (document.currentScript as HTMLScriptElement).dataset;
  CMS.registerPreviewStyle(settings.stylesheet ?? "");
  // The site's stylesheet sizes images inside its own page layout, which the preview pane has not.
  CMS.registerPreviewStyle("img { max-width: 100%; height: auto; }", { raw: true });

  const rules = JSON.parse(settings.rules ?? "[]") as RequiredWithObject[];
  /** A value someone entered: not empty text, and not an empty list or map (Decap's values are Immutable.js). */
  const given = (value: unknown): boolean => value !== undefined && value !== null && value !== "" && !(typeof (value as { size?: unknown }).size === "number" && (value as { size: number }).size === 0);
  // Before each save: an object left empty is dropped; one given must have its required fields.
  // An error thrown here stops the save, and Decap shows its message.
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      let data = entry.get("data");
      for (const rule of rules.filter((candidate) => candidate.collection === entry.get("collection"))) {
        const value = data.get(rule.field) as ImmutableMap | undefined;
        if (!value || ![...value.values()].some(given)) {
          data = data.delete(rule.field);
          continue;
        }
        const missing = rule.required.filter((field) => !given(value.get(field.name)));
        if (missing.length > 0) throw new Error(`${rule.label}: ${missing.map((field) => field.label).join(", ")} is required`);
      }
      return data;
    },
  });

  const verdict = settings.verdict;
  if (!verdict) return;
  // The build is the judge: after each save, its message while it refuses the content, as npm start prints it.
  const banner = document.createElement("div");
  banner.setAttribute("role", "alert");
  banner.hidden = true;
  Object.assign(banner.style, {
    position: "fixed", insetInline: "0", bottom: "0", zIndex: "10000", maxHeight: "40vh", overflow: "auto",
    padding: "1rem 1.5rem", background: "#fff4f4", color: "#5c0a0a", borderTop: "4px solid #c0392b", font: "15px/1.4 system-ui, sans-serif",
  });
  const heading = document.createElement("h2");
  heading.textContent = "Saved, but the build refuses it: the preview was not updated";
  Object.assign(heading.style, { font: "bold 17px/1.3 system-ui, sans-serif", margin: "0 0 0.5rem" });
  const message = document.createElement("pre");
  Object.assign(message.style, { whiteSpace: "pre-wrap", margin: "0", font: "14px/1.4 ui-monospace, monospace" });
  banner.append(heading, message);
  document.body.append(banner);
  CMS.registerEventListener({
    name: "postSave",
    handler: async () => {
      try {
        const { refusal } = (await (await fetch(verdict)).json()) as { refusal: string | null };
        message.textContent = refusal ?? "";
        banner.hidden = !refusal;
      } catch {
        // npm start stopped: the save itself went through or Decap said why not.
      }
    },
  });
})();
