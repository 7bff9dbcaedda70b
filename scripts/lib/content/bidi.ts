/**
 * Bidirectional text in a field that is joined with other text ("<title> · IAP News Archive", a
 * citation, an abstract's "Speaker: Session"): an embedding, override or isolate left open would
 * reverse what follows it. Each one left open is closed at the end of the field.
 */
const openers: Record<string, string> = {
  "\u202A": "\u202C", // LRE
  "\u202B": "\u202C", // RLE
  "\u202D": "\u202C", // LRO
  "\u202E": "\u202C", // RLO
  "\u2066": "\u2069", // LRI
  "\u2067": "\u2069", // RLI
  "\u2068": "\u2069", // FSI
};

export function closeBidi(text: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  const open: string[] = [];
  for (const character of text) {
    const closer = openers[character];
    if (closer) open.push(closer);
    else if ((character === "\u202C" || character === "\u2069") && open.at(-1) === character) open.pop();
  }
  return text + open.reverse().join("");
}
