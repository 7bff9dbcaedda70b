/**
 * What the editor's local backend (decap-server, scripts/lib/preview/editor-backend-thread.mjs)
 * answers. decap-server reads and writes anywhere under its root, the content folder, which by
 * default is `src/` and holds the templates too, and it answers any page that reaches it. In front
 * of it:
 *
 * - a request must name the backend by its loopback address in `Host` (a page that reaches it
 *   through DNS rebinding names its own host), and a request with an `Origin` must come from the
 *   preview, the only page that edits; a request that is not GET or HEAD must have one;
 * - each action of its API may touch only Markdown entries under `news/` and `abstracts/` and the
 *   files of the types an item may have beside them (scripts/lib/content/item-files.ts), with no
 *   "..", absolute path, backslash, NUL or symbolic link leading out of those two folders.
 */
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { documentTypes, imageTypes } from "../content/item-files.ts";
import { foreignHost, isEveryInterface, isLoopback, localUrl } from "../util/listen-address.ts";
import { isInside } from "../util/paths.ts";

/** Who may talk to the backend: its own loopback port (named in `Host`), and the preview's origins. */
export interface BackendPeers {
  port: number;
  origins: readonly string[];
}

/**
 * The origins of the preview's pages when it listens on `host`:`port`: its loopback addresses,
 * and the address given to `--host` when that is one address.
 */
export function previewOrigins(host: string, port: number): string[] {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const own = localUrl(host, port);
  return isLoopback(host) || isEveryInterface(host) || origins.includes(own) ? origins : [...origins, own];
}

/**
 * Why a request is refused whatever it asks, or undefined: a foreign `Host`, a foreign `Origin`, or
 * a write without `Origin`.
 */
export function foreignRequest(
  method: string,
  headers: { host?: string | undefined; origin?: string | undefined },
  peers: BackendPeers,
): string | undefined {
  const { origin } = headers;
  const host = foreignHost(headers.host, peers.port);
  if (host) return host;
  if (origin !== undefined && !peers.origins.includes(origin)) {
    const expected = peers.origins.join(" or ") || "the preview is not serving yet";
    return `Origin ${JSON.stringify(origin)} is not the preview's (${expected})`;
  }
  if (origin === undefined && method !== "GET" && method !== "HEAD") {
    return `a ${method} request without an Origin header: only the preview's editor page may write`;
  }
  return undefined;
}

/** What a path in a request must name: a Markdown entry, an entry or one of its files, or a folder to list. */
export type PathKind = "entry" | "file" | "folder";

const collections = ["news", "abstracts"];
const itemFileTypes = [".md", ...Object.keys(imageTypes), ...Object.keys(documentTypes)];

/** The path `file` leads to once every symbolic link in it is followed, for a file or folders not made yet too. */
function realTarget(file: string): string {
  const rest: string[] = [];
  let existing = file;
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch {
      rest.unshift(path.basename(existing));
      existing = path.dirname(existing);
    }
  }
  return path.join(realpathSync(existing), ...rest);
}

/**
 * Why `value`, a path relative to the content folder, may not be read or written as a `kind`;
 * undefined when it may.
 */
export function pathProblem(contentDir: string, value: unknown, kind: PathKind): string | undefined {
  if (value === undefined) return "a path is missing";
  if (typeof value !== "string" || value === "") return `${JSON.stringify(value)} is not a path`;
  const quoted = JSON.stringify(value);
  if (value.includes("\0")) return `${quoted} holds a NUL character`;
  if (value.includes("\\")) return `${quoted} holds a backslash: paths are written with "/"`;
  if (value.startsWith("/") || /^[a-z]:/i.test(value))
    return `${quoted} is absolute: paths are relative to the content folder`;
  const segments = (kind === "folder" ? value.replace(/\/$/, "") : value).split("/");
  if (segments.includes("..")) return `${quoted} climbs out of its folder with ".."`;
  if (segments.some((segment) => segment === "" || segment === ".")) return `${quoted} has an empty or "." segment`;
  if (!collections.includes(segments[0] ?? ""))
    return `${quoted} is outside news/ and abstracts/, the only folders the editor reads and writes`;
  const typeProblem = (file: string) => {
    const extension = path.extname(file).toLowerCase();
    if (kind === "entry" && extension !== ".md") return "is not a Markdown entry (.md)";
    if (kind === "file" && !itemFileTypes.includes(extension))
      return `is not a Markdown entry or a file type an item may have (${itemFileTypes.join(", ")})`;
    return undefined;
  };
  const wrongType = typeProblem(value);
  if (wrongType) return `${quoted} ${wrongType}`;
  const real = realTarget(path.join(contentDir, ...segments));
  const roots = collections.map((collection) => realTarget(path.join(contentDir, collection)));
  if (!roots.some((root) => isInside(real, root) || (kind === "folder" && real === root))) {
    return `${quoted} leads outside news/ and abstracts/ through a symbolic link`;
  }
  const linkedType = typeProblem(real);
  if (linkedType) return `${quoted} is a symbolic link to a file that ${linkedType}`;
  return undefined;
}

/** The paths each action of decap-server's file-system API reads or writes, by kind; the actions it has. */
const actionPaths: Readonly<Record<string, (params: Record<string, unknown>) => [unknown, PathKind][]>> = {
  info: () => [],
  getDeployPreview: () => [],
  entriesByFolder: (params) => [[params["folder"], "folder"]],
  entriesByFiles: (params) => list(params["files"]).map((file) => [field(file, "path"), "entry"]),
  getEntry: (params) => [[params["path"], "entry"]],
  persistEntry: (params) => [
    ...[params["entry"], ...list(params["dataFiles"])]
      .filter((file) => file !== undefined)
      .map((file): [unknown, PathKind] => [field(file, "path"), "entry"]),
    ...list(params["assets"]).map((asset): [unknown, PathKind] => [field(asset, "path"), "file"]),
  ],
  getMedia: (params) => [[params["mediaFolder"], "folder"]],
  getMediaFile: (params) => [[params["path"], "file"]],
  persistMedia: (params) => [[field(params["asset"], "path"), "file"]],
  deleteFile: (params) => [[params["path"], "file"]],
  deleteFiles: (params) => list(params["paths"]).map((file) => [file, "file"]),
};

/**
 * The actions that list a folder, and what each listed path must be: a symbolic link in the folder
 * may lead anywhere.
 */
export const listedKinds: Readonly<Record<string, PathKind>> = { entriesByFolder: "entry", getMedia: "file" };

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Whether the API may run a request's body: undefined when it may, 400 for a body that is no
 * action of the API, 403 for one that names a path it may not touch. decap-server's own schema
 * checks the rest of the body's shape after this.
 */
export function refuseApiRequest(body: unknown, contentDir: string): { status: 400 | 403; error: string } | undefined {
  const action = field(body, "action");
  if (typeof action !== "string")
    return { status: 400, error: "the request's body names no action: it is not a request of the editor" };
  const pathsOf = Object.hasOwn(actionPaths, action) ? actionPaths[action] : undefined;
  if (!pathsOf)
    return {
      status: 400,
      error:
        `unknown action ${JSON.stringify(action)} ` +
        `(the local backend's actions: ${Object.keys(actionPaths).join(", ")})`,
    };
  const params = field(body, "params");
  const given = typeof params === "object" && params !== null ? (params as Record<string, unknown>) : {};
  if (action === "entriesByFolder" && given["extension"] !== "md") {
    return {
      status: 403,
      error:
        `entriesByFolder: extension ${JSON.stringify(given["extension"])} is refused: ` +
        'the editor lists Markdown entries ("md") only',
    };
  }
  if (
    action === "persistEntry" &&
    [given["entry"], ...list(given["dataFiles"])].some((file) => field(file, "newPath") !== undefined)
  ) {
    return {
      status: 403,
      error: "persistEntry: moving an entry (newPath) is refused: the editor saves an item where it is",
    };
  }
  for (const [value, kind] of pathsOf(given)) {
    const problem = pathProblem(contentDir, value, kind);
    if (problem) return { status: 403, error: `${action}: ${problem}` };
  }
  return undefined;
}
