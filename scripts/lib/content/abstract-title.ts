/** An abstract's title when its file gives none; pure, so the editor's preview (src/assets/editor) shows the same. */

const listFormat = new Intl.ListFormat("en-GB", { type: "conjunction" });

/** "Juan Bautista Mahiques: Special Interest Group Session – Heads of Prosecution Services" */
export function abstractTitle(speakers: readonly { name: string }[], session: string): string {
  return `${listFormat.format(speakers.map((speaker) => speaker.name))}: ${session}`;
}
