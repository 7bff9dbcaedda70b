/**
 * The image markup of _includes/partials/media.njk, as the media phase writes it into an item's HTML
 * (scripts/lib/eleventy/media-markup.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mediaMarkup } from "../../../scripts/lib/eleventy/media-markup.ts";

const picture = {
  sources: [{ type: "image/webp", srcset: "/n/a-240.webp 240w, /n/a-480.webp 480w", sizes: "50vw" }],
  img: {
    alt: 'Tom & Jerry\'s "table"',
    loading: "lazy",
    decoding: "async",
    src: "/n/a-240.jpeg",
    width: 480,
    height: 270,
  },
};

test("a picture: a source per format, then the fallback <img> with its attributes in order, text escaped", async () => {
  assert.is(
    await mediaMarkup({ picture }),
    '<picture><source type="image/webp" srcset="/n/a-240.webp 240w, /n/a-480.webp 480w" sizes="50vw">' +
      '<img alt="Tom &amp; Jerry&#39;s &quot;table&quot;" loading="lazy" decoding="async" src="/n/a-240.jpeg" ' +
      'width="480" height="270"></picture>',
  );
  assert.is(
    await mediaMarkup({ picture: { sources: [], img: { alt: "", src: "/n/a.png" } } }),
    '<img alt="" src="/n/a.png">',
  );
});

test("a figure: caption (searched as metadata), credit and original, each only when given", async () => {
  const img = '<img alt="" src="/n/a.png">';
  const bare = { sources: [], img: { alt: "", src: "/n/a.png" } };
  assert.is(
    await mediaMarkup({ figure: { picture: bare } }),
    `<figure class="media" data-pagefind-ignore>${img}</figure>`,
  );
  assert.is(
    await mediaMarkup({
      figure: {
        picture: bare,
        caption: "A <b>",
        credit: "Photo: IAP",
        original: { href: "/n/a.png", label: "Original (PNG)" },
      },
    }),
    `<figure class="media" data-pagefind-ignore data-pagefind-meta="caption[data-caption]" data-caption="A ` +
      `&lt;b&gt;">${img}` +
      '<figcaption>A &lt;b&gt; <span class="credit">Photo: IAP</span> <a href="/n/a.png" download>Original (PNG)</a>' +
      "</figcaption></figure>",
  );
  assert.is(
    await mediaMarkup({ figure: { picture: bare, credit: "Foto: IAP" } }),
    `<figure class="media" data-pagefind-ignore>${img}<figcaption><span class="credit">Foto: IAP</span></figcaption>` +
      `</figure>`,
  );
});

test.run();
