import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  itemFileResolver,
  leadImagePath,
  publishedHref,
  videoHost,
  type ItemFiles,
} from "../../../scripts/lib/content/item-files.ts";
import { renderMarkdown } from "../../../scripts/lib/content/markdown.ts";
import type { Problem } from "../../../scripts/lib/content/problems.ts";
import { tempDir } from "../../support/site.ts";

const content = tempDir("item-files-");
const bundle = path.join(content, "news/2023/mou");
mkdirSync(path.join(bundle, "files"), { recursive: true });
writeFileSync(path.join(bundle, "photo.jpg"), Buffer.alloc(2000));
writeFileSync(path.join(bundle, "files/guide.pdf"), Buffer.alloc(3000));
writeFileSync(path.join(content, "news/2023/single.pdf"), Buffer.alloc(10));

function resolver(file = path.join(bundle, "index.md"), limits = { maxImageBytes: 5000, maxDocumentBytes: 5000 }) {
  const problems: Omit<Problem, "file">[] = [];
  return { problems, files: itemFileResolver(file, content, limits, (problem) => problems.push(problem)) };
}

test("a bundle's files resolve beside its index.md; documents keep their path in the bundle", () => {
  const { problems, files } = resolver();
  assert.equal(files.image({ src: "photo.jpg", alt: "A" }, { field: "image.src", line: 4 }), {
    source: path.join(bundle, "photo.jpg"),
    alt: "A",
    origin: { field: "image.src", line: 4 },
  });
  const document = files.document(
    { src: "files/guide.pdf", title: "Guide", language: "es" },
    { field: "documents[0].src" },
  );
  assert.equal(document, {
    source: path.join(bundle, "files/guide.pdf"),
    name: "files/guide.pdf",
    type: "PDF",
    bytes: 3000,
    title: "Guide",
    language: "es",
    origin: { field: "documents[0].src" },
  });
  assert.equal(problems, []);
});

test("a single-file item's documents are published under its name; its files stay in the content folder", () => {
  const { problems, files } = resolver(path.join(content, "news/2023/single.md"));
  assert.is(files.document({ src: "single.pdf", title: "S" }, {})?.name, "single.pdf");
  assert.is(files.document({ src: "../../../outside.pdf", title: "O" }, { line: 3 }), undefined);
  assert.equal(problems, [
    {
      line: 3,
      message: `"../../../outside.pdf" is outside the content folder: keep the item's files beside its Markdown file`,
    },
  ]);
});

test("refused: files outside the bundle, addresses, unsupported types, images as documents, files too large", () => {
  const { problems, files } = resolver(path.join(bundle, "index.md"), { maxImageBytes: 1000, maxDocumentBytes: 5000 });
  files.document({ src: "../single.pdf", title: "Out" }, { line: 1 });
  files.image({ src: "http://example.org/a.jpg", alt: "" }, { line: 2 });
  files.image({ src: "files/guide.pdf", alt: "" }, { line: 3 });
  files.document({ src: "photo.jpg", title: "Photo" }, { line: 4 });
  files.image({ src: "photo.jpg", alt: "" }, { line: 5 });
  assert.equal(
    problems.map((problem) => `${problem.line}: ${problem.message}`),
    [
      `1: "../single.pdf" is outside the item's folder: keep the item's files beside its Markdown file`,
      `2: "http://example.org/a.jpg" is an address: only the archive's own files are published; save the file ` +
        `beside the content file and write its name`,
      `3: "files/guide.pdf" is not a supported image type (allowed: .jpg, .jpeg, .png, .webp, .avif, .gif, .tif, ` +
        `.tiff)`,
      `4: "photo.jpg" is an image: show it with ![description](photo.jpg) or as the lead image`,
      `5: "photo.jpg" is 2 kB, over the limit of 1 kB for an image (media in _data/site.ts)`,
    ],
  );
});

test("body images become placeholders (a figure's when alone); links to files point at their published copy", () => {
  const { problems, files } = resolver();
  const found: ItemFiles = { bodyImages: [], documents: [], linked: [] };
  const body = renderMarkdown(
    'Intro.\n\n![Alone](photo.jpg "Its caption")\n\nInline ![small](photo.jpg) and [the ' +
      "guide](files/guide.pdf#page=2).\n",
    files.body(found, 6),
  );
  assert.is(
    body.html,
    "<p>Intro.</p>\n<!--body-image:0-->\n<p>Inline <!--body-image:1--> and " +
      '<a href="files/guide.pdf#page=2">the guide</a>.</p>\n',
  );
  assert.equal(
    found.bodyImages.map(({ alt, caption, inline, origin }) => ({ alt, caption, inline, origin })),
    [
      { alt: "Alone", caption: "Its caption", inline: undefined, origin: { line: 8 } },
      { alt: "small", caption: undefined, inline: true, origin: { line: 10 } },
    ],
  );
  assert.equal(
    found.linked.map((document) => document.name),
    ["files/guide.pdf"],
  );
  assert.is(
    renderMarkdown("[next](../other-item/) [x](&#x26;#74;avascript:alert(1))", files.body(found, 1)).html,
    '<p><a href="../other-item/">next</a> <a href="&amp;#74;avascript:alert(1)">x</a></p>\n',
  );
  assert.equal(problems, []);
});

test("raw HTML comments in Markdown are escaped, so only the renderer writes placeholders", () => {
  assert.is(renderMarkdown("<!--body-image:0-->").html, "<p>&lt;!--body-image:0--&gt;</p>\n");
});

test("published names, lead image paths and video hosts", () => {
  assert.is(publishedHref("files/good practices.pdf"), "files/good%20practices.pdf");
  assert.is(
    leadImagePath({
      url: "/news/2023/mou/",
      files: {
        image: { source: "", alt: "", origin: {}, jpeg: { name: "a-1280.jpeg", width: 1280, height: 800 } },
        bodyImages: [],
        documents: [],
        linked: [],
      },
    }),
    "/news/2023/mou/a-1280.jpeg",
  );
  assert.is(leadImagePath({ url: "/news/2023/plain/" }), undefined);
  assert.is(videoHost("https://www.youtube.com/watch?v=abc"), "youtube.com");
  assert.is(videoHost("https://vimeo.com/1"), "vimeo.com");
});

test.run();
