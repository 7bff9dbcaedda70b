/** Real media for tests: a JPEG carrying EXIF with a GPS position, PDFs with text, and PDF bombs. */
import zlib from "node:zlib";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import sharp from "sharp";

/** A `width`×`height` JPEG drawn from SVG, with a camera's EXIF: owner, serial number and a GPS position. */
export async function photoWithGps(width = 1600, height = 1000): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#24527a"/><circle cx="50%" cy="50%" r="30%" fill="#f2c14e"/></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: "TestCam", Model: "T-1", Artist: "Jane Photographer", Copyright: "Jane Photographer" },
      IFD2: { BodySerialNumber: "SN-123456" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 5/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 18/1 0/1" },
    })
    .toBuffer();
}

/** A PDF whose pages carry these lines of text. */
export async function pdfWithText(pages: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) pdf.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12, font });
  return pdf.save();
}

/**
 * A PDF of one page whose content stream is a few MB of deflate that inflates to about
 * `mebibytes` MiB of `unit` repeated: zeros (whitespace to pdf.js) or a text operator (`unitText`).
 * A MiB of zeros deflates to about 1 kB (3,072 MiB make a 3 MB file), of text to about 3 kB.
 */
export async function pdfBomb(mebibytes: number, unit: "zeros" | "text" = "zeros"): Promise<Uint8Array> {
  // About a mebibyte: text operators whole.
  const block =
    unit === "zeros" ? Buffer.alloc(2 ** 20) : Buffer.from(unitText.repeat(Math.floor(2 ** 20 / unitText.length)));
  const stream = await deflateRepeated(block, mebibytes);
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.node.setFontDictionary(PDFName.of("F1"), font.ref);
  page.node.set(PDFName.of("Contents"), pdf.context.register(pdf.context.stream(stream, { Filter: "FlateDecode" })));
  return pdf.save();
}

/** The text bomb's unit: a word shown again and again, each a text item pdf.js keeps. */
export const unitText = "BT /F1 12 Tf 50 700 Td (zygomorphic) Tj ET\n";

/**
 * A zlib stream of `count` copies of `block`, without inflating or deflating them all: once the
 * window holds the block, each further copy deflates (flushed to a byte boundary) to the same bytes.
 */
async function deflateRepeated(block: Buffer, count: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  let output: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => output.push(chunk));
  const next = async (): Promise<Buffer> => {
    deflate.write(block);
    await new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    const bytes = Buffer.concat(output);
    output = [];
    return bytes;
  };
  const first = await next();
  const repeated = await next();
  if (!repeated.equals(await next()))
    throw new Error("deflateRepeated: a copy of the block does not deflate to the same bytes");
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  deflate.end();
  await ended;
  const last = Buffer.concat(output);
  // zlib's checksum of the whole, Adler-32, from the block's sums: a copy adds its byte sum to a,
  // and to b its length times a before it plus the sum of its running byte sums.
  const modulus = 65521;
  let byteSum = 0;
  let runningSums = 0;
  for (const byte of block) {
    byteSum = (byteSum + byte) % modulus;
    runningSums = (runningSums + byteSum) % modulus;
  }
  let a = 1;
  let b = 0;
  for (let copy = 0; copy < count; copy++) {
    b = (b + (block.length % modulus) * a + runningSums) % modulus;
    a = (a + byteSum) % modulus;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), first, ...Array<Buffer>(count - 1).fill(repeated), last, adler]);
}
