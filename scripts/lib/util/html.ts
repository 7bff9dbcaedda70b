/** Plain text made safe to put in HTML: a title "<img onerror=…>" stays a title, not an image. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[char]};`);
}
