/**
 * What the editor's local backend lets through to decap-server: its own Host, the preview's
 * Origin, and only Markdown entries under news/ and abstracts/ and their files, in a real content
 * folder that also holds a template (as src/ does) and symbolic links leading out of news/.
 */
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  foreignRequest,
  pathProblem,
  previewOrigins,
  refuseApiRequest,
} from "../../../scripts/lib/preview/editor-backend-guard.ts";
import { newsFile, writeContent } from "../../support/site.ts";

const contentDir = writeContent({
  "news/2023/alpha.md": newsFile({ title: "Alpha", date: "2023-05-01" }),
  "news/2023/template.njk": "{{ 7 * 7 }}",
  "pages/news-item.njk": "{{ 7 * 7 }}",
});
mkdirSync(path.join(contentDir, "news/2024"));
// A folder and an entry that lead to the templates, and an entry that leads to a template inside news/.
symlinkSync(path.join(contentDir, "pages"), path.join(contentDir, "news/2024/pages"));
symlinkSync(path.join(contentDir, "pages/news-item.njk"), path.join(contentDir, "news/2024/item.md"));
symlinkSync(path.join(contentDir, "news/2023/template.njk"), path.join(contentDir, "news/2024/inside.md"));

test("entries, their files and their folders under news/ and abstracts/ may be touched, made or not yet", () => {
  assert.is(pathProblem(contentDir, "news/2023/alpha.md", "entry"), undefined);
  assert.is(pathProblem(contentDir, "news/2025/beta/index.md", "entry"), undefined);
  assert.is(pathProblem(contentDir, "abstracts/annual-27/talk/index.md", "entry"), undefined);
  assert.is(pathProblem(contentDir, "news/2025/beta/photo.JPG", "file"), undefined);
  assert.is(pathProblem(contentDir, "news/2025/beta/programme.pdf", "file"), undefined);
  assert.is(pathProblem(contentDir, "news", "folder"), undefined);
  assert.is(pathProblem(contentDir, "news/2025/beta/", "folder"), undefined);
});

test("a path outside news/ and abstracts/, or of another type, is refused with the reason", () => {
  assert.is(
    pathProblem(contentDir, "pages/x.njk", "entry"),
    '"pages/x.njk" is outside news/ and abstracts/, the only folders the editor reads and writes',
  );
  assert.is(
    pathProblem(contentDir, ".env", "file"),
    '".env" is outside news/ and abstracts/, the only folders the editor reads and writes',
  );
  assert.is(
    pathProblem(contentDir, "media", "folder"),
    '"media" is outside news/ and abstracts/, the only folders the editor reads and writes',
  );
  assert.is(pathProblem(contentDir, "news/2023/x.njk", "entry"), '"news/2023/x.njk" is not a Markdown entry (.md)');
  assert.is(
    pathProblem(contentDir, "news/2023/photo.jpg", "entry"),
    '"news/2023/photo.jpg" is not a Markdown entry (.md)',
  );
  assert.is(
    pathProblem(contentDir, "news/2023/alpha/run.js", "file"),
    '"news/2023/alpha/run.js" is not a Markdown entry or a file type an item may have (.md, .jpg, .jpeg, .png, ' +
      ".webp, .avif, .gif, .tif, .tiff, .pdf, .docx, .doc, .odt, .xlsx, .ods, .pptx, .csv, .txt)",
  );
});

test('"..", absolute paths, backslashes, NUL and empty segments are refused', () => {
  assert.is(
    pathProblem(contentDir, "news/../pages/x.njk", "entry"),
    '"news/../pages/x.njk" climbs out of its folder with ".."',
  );
  assert.is(
    pathProblem(contentDir, "news/2023/../../.env.md", "entry"),
    '"news/2023/../../.env.md" climbs out of its folder with ".."',
  );
  assert.is(
    pathProblem(contentDir, "/etc/passwd.md", "entry"),
    '"/etc/passwd.md" is absolute: paths are relative to the content folder',
  );
  assert.is(
    pathProblem(contentDir, "C:/news/x.md", "entry"),
    '"C:/news/x.md" is absolute: paths are relative to the content folder',
  );
  assert.is(
    pathProblem(contentDir, "news\\..\\pages\\x.md", "entry"),
    '"news\\\\..\\\\pages\\\\x.md" holds a backslash: paths are written with "/"',
  );
  assert.is(pathProblem(contentDir, "news/x\0.njk.md", "entry"), '"news/x\\u0000.njk.md" holds a NUL character');
  assert.is(pathProblem(contentDir, "news//x.md", "entry"), '"news//x.md" has an empty or "." segment');
  assert.is(pathProblem(contentDir, "./news/x.md", "entry"), '"./news/x.md" has an empty or "." segment');
  assert.is(pathProblem(contentDir, "", "entry"), '"" is not a path');
  assert.is(pathProblem(contentDir, 42, "entry"), "42 is not a path");
  assert.is(pathProblem(contentDir, undefined, "entry"), "a path is missing");
});

test("a symbolic link is followed: out of news/ and abstracts/, or to a file of another type, it is refused", () => {
  assert.is(
    pathProblem(contentDir, "news/2024/pages/x.md", "entry"),
    '"news/2024/pages/x.md" leads outside news/ and abstracts/ through a symbolic link',
  );
  assert.is(
    pathProblem(contentDir, "news/2024/pages", "folder"),
    '"news/2024/pages" leads outside news/ and abstracts/ through a symbolic link',
  );
  assert.is(
    pathProblem(contentDir, "news/2024/item.md", "entry"),
    '"news/2024/item.md" leads outside news/ and abstracts/ through a symbolic link',
  );
  assert.is(
    pathProblem(contentDir, "news/2024/inside.md", "entry"),
    '"news/2024/inside.md" is a symbolic link to a file that is not a Markdown entry (.md)',
  );
});

/** A request body as Decap CMS's proxy backend sends it. */
const request = (action: string, params: Record<string, unknown>) => ({
  branch: "main",
  action,
  params: { branch: "main", ...params },
});
const options = { commitMessage: "Create News item", collectionName: "news", useWorkflow: false, status: "draft" };

test("each action of the API is checked on every path it reads or writes", () => {
  assert.is(refuseApiRequest(request("info", {}), contentDir), undefined);
  assert.is(
    refuseApiRequest(request("entriesByFolder", { folder: "news", extension: "md", depth: 3 }), contentDir),
    undefined,
  );
  assert.is(refuseApiRequest(request("getMedia", { mediaFolder: "news/2023/alpha" }), contentDir), undefined);
  const save = request("persistEntry", {
    dataFiles: [{ path: "news/2024/pelican/index.md", slug: "2024/pelican/index", raw: "---\ntitle: Pelican\n---\n" }],
    assets: [{ path: "news/2024/pelican/photo.jpg", content: "", encoding: "base64" }],
    options,
  });
  assert.is(refuseApiRequest(save, contentDir), undefined);

  const refused = (action: string, params: Record<string, unknown>) =>
    refuseApiRequest(request(action, params), contentDir);
  assert.equal(
    refused("persistEntry", {
      dataFiles: [{ path: "pages/x.njk", slug: "x", raw: "{{ 7 * 7 }}" }],
      assets: [],
      options,
    }),
    {
      status: 403,
      error:
        'persistEntry: "pages/x.njk" is outside news/ and abstracts/, the only folders the editor reads and writes',
    },
  );
  assert.equal(
    refused("persistEntry", { entry: { path: "news/2024/x.njk", slug: "x", raw: "" }, assets: [], options }),
    {
      status: 403,
      error: 'persistEntry: "news/2024/x.njk" is not a Markdown entry (.md)',
    },
  );
  assert.equal(
    refused("persistEntry", {
      dataFiles: [{ path: "news/2024/a/index.md", slug: "a", raw: "" }],
      assets: [{ path: "news/2024/a/../../../pages/x.njk", content: "", encoding: "base64" }],
      options,
    }),
    {
      status: 403,
      error: 'persistEntry: "news/2024/a/../../../pages/x.njk" climbs out of its folder with ".."',
    },
  );
  assert.equal(
    refused("persistEntry", {
      dataFiles: [{ path: "news/2023/alpha.md", newPath: "news/2023/beta.md", slug: "a", raw: "" }],
      assets: [],
      options,
    }),
    {
      status: 403,
      error: "persistEntry: moving an entry (newPath) is refused: the editor saves an item where it is",
    },
  );
  assert.equal(refused("getEntry", { path: ".env" }), {
    status: 403,
    error: 'getEntry: ".env" is outside news/ and abstracts/, the only folders the editor reads and writes',
  });
  assert.equal(
    refused("entriesByFiles", { files: [{ path: "news/2023/alpha.md" }, { path: "pages/news-item.njk" }] }),
    {
      status: 403,
      error:
        'entriesByFiles: "pages/news-item.njk" is outside news/ and abstracts/, the only folders the editor reads ' +
        "and writes",
    },
  );
  assert.equal(refused("entriesByFolder", { folder: "news", extension: "", depth: 3 }), {
    status: 403,
    error: 'entriesByFolder: extension "" is refused: the editor lists Markdown entries ("md") only',
  });
  assert.equal(refused("entriesByFolder", { folder: ".", extension: "md", depth: 9 }), {
    status: 403,
    error: 'entriesByFolder: "." has an empty or "." segment',
  });
  assert.equal(refused("getMedia", { mediaFolder: "media" }), {
    status: 403,
    error: 'getMedia: "media" is outside news/ and abstracts/, the only folders the editor reads and writes',
  });
  assert.equal(refused("getMediaFile", { path: "news/2024/item.md" }), {
    status: 403,
    error: 'getMediaFile: "news/2024/item.md" leads outside news/ and abstracts/ through a symbolic link',
  });
  assert.equal(
    refused("persistMedia", {
      asset: { path: "media/photo.jpg", content: "", encoding: "base64" },
      options: { commitMessage: "Upload" },
    }),
    {
      status: 403,
      error:
        'persistMedia: "media/photo.jpg" is outside news/ and abstracts/, the only folders the editor reads and writes',
    },
  );
  assert.equal(refused("deleteFile", { path: "pages/news-item.njk", options: { commitMessage: "Delete" } }), {
    status: 403,
    error:
      'deleteFile: "pages/news-item.njk" is outside news/ and abstracts/, the only folders the editor reads and writes',
  });
  assert.equal(
    refused("deleteFiles", {
      paths: ["news/2023/alpha.md", "news/2023/template.njk"],
      options: { commitMessage: "Delete" },
    }),
    {
      status: 403,
      error:
        'deleteFiles: "news/2023/template.njk" is not a Markdown entry or a file type an item may have (.md, .jpg, ' +
        ".jpeg, .png, .webp, .avif, .gif, .tif, .tiff, .pdf, .docx, .doc, .odt, .xlsx, .ods, .pptx, .csv, .txt)",
    },
  );
});

test("a body that is no action of the API is a bad request", () => {
  const actions =
    "info, getDeployPreview, entriesByFolder, entriesByFiles, getEntry, persistEntry, getMedia, getMediaFile, " +
    "persistMedia, deleteFile, deleteFiles";
  assert.equal(refuseApiRequest({}, contentDir), {
    status: 400,
    error: "the request's body names no action: it is not a request of the editor",
  });
  assert.equal(refuseApiRequest([], contentDir), {
    status: 400,
    error: "the request's body names no action: it is not a request of the editor",
  });
  assert.equal(refuseApiRequest(request("unpublishedEntries", {}), contentDir), {
    status: 400,
    error: `unknown action "unpublishedEntries" (the local backend's actions: ${actions})`,
  });
  assert.equal(refuseApiRequest(request("constructor", {}), contentDir), {
    status: 400,
    error: `unknown action "constructor" (the local backend's actions: ${actions})`,
  });
});

const peers = { port: 8081, origins: previewOrigins("127.0.0.1", 8080) };

test("the backend answers its own loopback Host only", () => {
  assert.is(foreignRequest("GET", { host: "127.0.0.1:8081" }, peers), undefined);
  assert.is(foreignRequest("GET", { host: "LOCALHOST:8081" }, peers), undefined);
  assert.is(
    foreignRequest("POST", { host: "rebind.evil.example", origin: "http://rebind.evil.example" }, peers),
    'Host "rebind.evil.example" is not this server\'s address (127.0.0.1:8081 or localhost:8081)',
  );
  assert.is(
    foreignRequest("GET", { host: "127.0.0.1:8080" }, peers),
    'Host "127.0.0.1:8080" is not this server\'s address (127.0.0.1:8081 or localhost:8081)',
  );
  assert.is(
    foreignRequest("GET", {}, peers),
    'Host "" is not this server\'s address (127.0.0.1:8081 or localhost:8081)',
  );
});

test("a request with an Origin comes from the preview; a write without one is refused", () => {
  assert.is(foreignRequest("POST", { host: "127.0.0.1:8081", origin: "http://localhost:8080" }, peers), undefined);
  assert.is(foreignRequest("OPTIONS", { host: "127.0.0.1:8081", origin: "http://127.0.0.1:8080" }, peers), undefined);
  const foreign = (origin: string) => foreignRequest("POST", { host: "127.0.0.1:8081", origin }, peers);
  assert.is(
    foreign("http://localhost:9"),
    'Origin "http://localhost:9" is not the preview\'s (http://localhost:8080 or http://127.0.0.1:8080)',
  );
  assert.is(foreign("null"), 'Origin "null" is not the preview\'s (http://localhost:8080 or http://127.0.0.1:8080)');
  assert.is(
    foreignRequest("GET", { host: "127.0.0.1:8081", origin: "https://evil.example" }, peers),
    'Origin "https://evil.example" is not the preview\'s (http://localhost:8080 or http://127.0.0.1:8080)',
  );
  assert.is(
    foreignRequest("POST", { host: "127.0.0.1:8081" }, peers),
    "a POST request without an Origin header: only the preview's editor page may write",
  );
  assert.is(
    foreignRequest("POST", { host: "127.0.0.1:8081", origin: "http://localhost:8080" }, { ...peers, origins: [] }),
    'Origin "http://localhost:8080" is not the preview\'s (the preview is not serving yet)',
  );
});

test("the preview's origins: its loopback addresses, and the one address --host gives", () => {
  assert.equal(previewOrigins("0.0.0.0", 8080), ["http://localhost:8080", "http://127.0.0.1:8080"]);
  assert.equal(previewOrigins("::", 8080), ["http://localhost:8080", "http://127.0.0.1:8080"]);
  assert.equal(previewOrigins("192.168.1.5", 8080), [
    "http://localhost:8080",
    "http://127.0.0.1:8080",
    "http://192.168.1.5:8080",
  ]);
});

test.run();
