/**
 * An old page's bytes as text, in the encoding it declares: the Content-Type header's charset, or a
 * `<meta charset>` / `<meta http-equiv="Content-Type">` in its first kilobytes (the place browsers
 * look). Labels are read as browsers read them (WHATWG Encoding, via TextDecoder), so iso-8859-1 is
 * windows-1252, which is what old CMS pages labelled Latin-1 really hold.
 */

/** The charset a page declares, lower case, or undefined. */
export function declaredCharset(body: Uint8Array, contentType: string | undefined): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // Browsers look for the meta tag in the first 1024 bytes; CMS pages with long heads put it later.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 4096)).toString("latin1");
  const meta = /<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  return meta?.toLowerCase();
}

/**
 * The page as text. A declared encoding the platform knows is used; with none, UTF-8 when the bytes
 * are valid UTF-8, else windows-1252, as browsers fall back for Western pages.
 */
export function decodePage(
  body: Uint8Array,
  contentType: string | undefined,
): { text: string; charset: string; problem?: string } {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(body), charset: "utf-8" };
  const declared = declaredCharset(body, contentType);
  if (declared) {
    try {
      const decoder = new TextDecoder(declared);
      return {
        text: decoder.encoding === "windows-1252" ? decodeWindows1252(body) : decoder.decode(body),
        charset: decoder.encoding,
      };
    } catch {
      const guessed = decodeUndeclared(body);
      return { ...guessed, problem: `declares the unknown charset "${declared}": read as ${guessed.charset}` };
    }
  }
  return decodeUndeclared(body);
}

function decodeUndeclared(body: Uint8Array): { text: string; charset: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), charset: "utf-8" };
  } catch {
    return { text: decodeWindows1252(body), charset: "windows-1252" };
  }
}

/** windows-1252's characters at 0x80–0x9F (undefined bytes stay as their C1 code point, as WHATWG maps them). */
const windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * windows-1252 decoded by hand: Node's TextDecoder reads the label as Latin-1 and gives C1 control
 * characters for 0x80–0x9F, where the pages have their curly quotes and dashes.
 */
export function decodeWindows1252(body: Uint8Array): string {
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009F]/g, (character) => windows1252High.charAt(character.charCodeAt(0) - 0x80));
}
