/**
 * Text compared as readers type it: lower case, accents dropped ("Bogotá" → "bogota"). Shared by
 * the page and the build.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase();
}
