// The editor page's own script, bundled into /admin/editor.js and run before decap-cms.js: it asks
// Decap not to start by itself, then, once Decap has loaded, registers this site's parts and starts
// it. Its settings come from its <script> tag, written by the build (scripts/lib/phases/editor.ts):
//   data-stylesheet  the site's stylesheet, for the preview pane;
//   data-labels      topic and conference names by id, for the preview pane (PreviewLabels);
//   data-rules       the required fields of optional objects (scripts/lib/editor/config.ts,
//                    `RequiredWithObject`), which Decap does not check itself (decaporg/decap-cms#7748);
//   data-verdict     under `npm start`, where to ask after a save whether the build refuses the
//                    content (scripts/lib/preview/editor-backend-thread.mjs).
import type { PreviewLabels, RequiredWithObject } from "../../../scripts/lib/editor/config.ts";
import { repairAccessibility } from "./accessibility.ts";
import { registerCalendarDate } from "./calendar-date.ts";
import type { ImmutableMap } from "./decap.ts";
import { reloadOnFormChange } from "./form-routes.ts";
import { registerPreviewTemplates } from "./preview-templates.ts";
import { verdictBanner } from "./verdict-banner.ts";

const settings = (document.currentScript as HTMLScriptElement).dataset;
window.CMS_MANUAL_INIT = true;
// Before Decap's router listens: see form-routes.ts.
const formRoutes = reloadOnFormChange();

/** A value someone entered: not empty text, and not an empty list or map (Decap's values are Immutable.js). */
const given = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  value !== "" &&
  !(typeof (value as { size?: unknown }).size === "number" && (value as { size: number }).size === 0);

function start(): void {
  const { CMS } = window;
  CMS.registerPreviewStyle(settings.stylesheet ?? "");
  // The site's stylesheet sizes images and spaces the text inside its own page layout, which the preview pane has not.
  CMS.registerPreviewStyle("body { padding: 1rem 1.5rem; } img { max-width: 100%; height: auto; }", { raw: true });
  registerPreviewTemplates(JSON.parse(settings.labels ?? '{"topics":{},"conferences":{}}') as PreviewLabels);
  registerCalendarDate();
  // Decap says "Changes saved" of a new form nobody has saved; this is true of both.
  const english = CMS.getLocale("en") as { editor: { editorToolbar: Record<string, string> } } | undefined;
  if (english) english.editor.editorToolbar["changesSaved"] = "No unsaved changes";

  const rules = JSON.parse(settings.rules ?? "[]") as RequiredWithObject[];
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
        if (missing.length > 0)
          throw new Error(`${rule.label}: ${missing.map((field) => field.label).join(", ")} is required`);
      }
      return data;
    },
  });
  const banner = settings.verdict ? verdictBanner(settings.verdict) : undefined;
  CMS.registerEventListener({
    name: "postSave",
    handler: ({ entry }) => {
      formRoutes.onSaved(entry.get("newRecord") === true);
      void banner?.afterSave();
    },
  });
  repairAccessibility();
  // The links to the site (the header's, "View Live"): the site this editor is served from (the
  // preview, under npm start), not config.yml's live address.
  const home = new URL("..", location.href).href;
  CMS.init({ config: { site_url: home, display_url: home } });
}

document.addEventListener("DOMContentLoaded", start, { once: true });
