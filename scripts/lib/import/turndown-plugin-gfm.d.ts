// @joplin/turndown-plugin-gfm ships no types; the import uses its table rule only.
declare module "@joplin/turndown-plugin-gfm" {
  import type TurndownService from "turndown";
  export const tables: TurndownService.Plugin;
}
