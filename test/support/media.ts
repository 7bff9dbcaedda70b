/** Real media for tests: a JPEG carrying EXIF with a GPS position, and PDFs with text. */
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";

/** A `width`×`height` JPEG drawn from SVG, with a camera's EXIF: owner, serial number and a GPS position. */
export async function photoWithGps(width = 1600, height = 1000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#24527a"/><circle cx="50%" cy="50%" r="30%" fill="#f2c14e"/></svg>`;
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
