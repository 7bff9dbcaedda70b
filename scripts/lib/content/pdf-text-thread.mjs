// PDFs' text read with pdf.js on a thread of its own, which pdf-text.ts ends when one PDF takes
// more time or memory than its limits. Plain JavaScript: worker threads do not inherit `--import tsx`.
// Posts { ready } once; then receives a PDF's bytes and posts { pages, text } or { unreadable }.
import { parentPort } from "node:worker_threads";

// pdf.js then inflates each stream in JavaScript into one growing buffer, given back to the system
// when the thread is ended; DecompressionStream's thousands of small chunks stayed allocated
// (docs/benchmarks.md).
delete globalThis.DecompressionStream;
// The legacy build is the one made for Node (the other expects a browser's DOM).
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

parentPort?.on("message", async (bytes) => parentPort?.postMessage(await pdfText(bytes)));
parentPort?.postMessage({ ready: true });

async function pdfText(bytes) {
  const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const text = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const pageText = content.items.map((entry) => ("str" in entry ? entry.str + (entry.hasEOL ? "\n" : " ") : "")).join("");
      text.push(pageText.replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim());
      page.cleanup();
    }
    return { pages: pdf.numPages, text };
  } catch (error) {
    if (error?.name === "PasswordException") return { unreadable: "it is password-protected" };
    return { unreadable: `it is not a readable PDF: ${String(error?.message ?? error).split("\n")[0]}` };
  } finally {
    await task.destroy();
  }
}
