/** The path a request names, for the three servers: decoded once, or refused with the reason they answer 400 with. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeRequestPath } from "../../../scripts/lib/util/request-path.ts";

test("a path is decoded once, without its query; dot segments, encoded ones too, stay under /", () => {
  assert.equal(decodeRequestPath("/news/caf%C3%A9/?q=%"), { path: "/news/café/" });
  assert.equal(decodeRequestPath("/100%25%20final.pdf"), { path: "/100% final.pdf" });
  assert.equal(decodeRequestPath("/a/../../%2e%2e/x"), { path: "/x" });
  assert.equal(decodeRequestPath("//evil.example/x"), { path: "//evil.example/x" });
  assert.equal(decodeRequestPath("http://localhost:8080/news/"), { path: "/news/" });
});

test("percent-encoding that is not UTF-8 is refused, naming the segment", () => {
  assert.equal(decodeRequestPath("/%"), { refused: '"/%" is not a valid address: "%" is not UTF-8 percent-encoding' });
  assert.equal(decodeRequestPath("/%E0%A4"), {
    refused: '"/%E0%A4" is not a valid address: "%E0%A4" is not UTF-8 percent-encoding',
  });
  assert.equal(decodeRequestPath("/%c0%ae%c0%ae/x"), {
    refused: '"/%c0%ae%c0%ae/x" is not a valid address: "%c0%ae%c0%ae" is not UTF-8 percent-encoding',
  });
});

test("a segment hiding a separator or NUL is refused", () => {
  assert.equal(decodeRequestPath("/%2e%2e%2fx"), {
    refused: '"/%2e%2e%2fx" is not a valid address: "%2e%2e%2fx" hides "/" in a path segment',
  });
  assert.equal(decodeRequestPath("/..%5Cx"), {
    refused: '"/..%5Cx" is not a valid address: "..%5Cx" hides "\\" in a path segment',
  });
  assert.equal(decodeRequestPath("/a%00.html"), {
    refused: '"/a%00.html" is not a valid address: "a%00.html" hides a NUL character in a path segment',
  });
});

test("a target that is no URL path is refused", () => {
  assert.equal(decodeRequestPath("*"), { refused: '"*" is not a valid address: not a URL path' });
  assert.equal(decodeRequestPath("http://[bad/x"), {
    refused: '"http://[bad/x" is not a valid address: not a URL path',
  });
});

test.run();
