/**
 * How every command words what went wrong: an error's message for people (system errors as one
 * line naming the file and the reason in words), and names and values made safe to print.
 */
import { accessSync, constants } from "node:fs";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { displayPath } from "./paths.ts";

/**
 * An error's message for people, with the message of each `cause` under it; no stack. A system
 * error anywhere in the chain (a full disk under "Eleventy failed…") is the cause people can act
 * on: it alone is the message, in one line, naming `where` when the error names no file (a
 * failed write() names none).
 */
export function errorMessage(error: unknown, where?: string): string {
  const chain: unknown[] = [error];
  for (
    let cause = error instanceof Error ? error.cause : undefined;
    cause instanceof Error && chain.length < 10;
    cause = cause.cause
  )
    chain.push(cause);
  const system = chain.find(isSystemError);
  if (system) return systemErrorMessage(system, where) ?? "";
  // Line by line: a message's own lines stay lines, and nothing in them drives the terminal.
  const lines = (link: unknown) =>
    (link instanceof Error ? link.message : String(link)).split("\n").map(printable).join("\n");
  return chain.map(lines).join("\n  caused by: ");
}

/** The reasons people can act on, in words; other codes keep the system's own words. */
const systemReasons: Record<string, string> = {
  ENOSPC: "no space left on the device: free some space, or write to another disk",
  EDQUOT: "the disk quota is used up: free some space, or write to another disk",
  EROFS: "the file system is read-only: make it writable, or write to another folder",
  EBUSY: "it is busy: a mount point, or in use by another program",
  EACCES: "permission denied: the user running this command may not change it (or read it)",
  EPERM: "permission denied: the operation is not permitted here",
  EMFILE: "too many files are open: raise the limit (ulimit -n)",
  ENFILE: "too many files are open on the system",
  EIO: "the device reported an input/output error: the disk may be failing",
  EADDRINUSE: "the port is in use by another program: choose another port",
};

interface SystemError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

/**
 * Whether `error` is one the operating system reported (a full disk, a read-only folder…), not a
 * fault of this program.
 */
export function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as SystemError).code === "string" &&
    /^E[A-Z0-9]+$/.test((error as SystemError).code)
  );
}

/**
 * A system error as one line: "<file>: <reason in words> (<CODE>)"; undefined for other errors.
 * Node's own message ("ENOENT: no such file or directory, mkdir '…'") names the call, not the cause.
 */
export function systemErrorMessage(error: unknown, where?: string): string | undefined {
  if (!isSystemError(error)) return undefined;
  // A recursive mkdir on a read-only file system reports the folder it could not make as missing.
  const code =
    error.code === "ENOENT" && error.syscall === "mkdir" && error.path && readOnlyAncestor(error.path)
      ? "EROFS"
      : error.code;
  const reason = systemReasons[code] ?? nodeReason(error);
  const named = error.path
    ? `${displayPath(error.path)}${error.dest ? ` → ${displayPath(error.dest)}` : ""}`
    : where && displayPath(where);
  return `${named ? `${printable(named)}: ` : ""}${reason} (${code})`;
}

/**
 * The line for a system error another program reported by its number (Pagefind's "os error 28"),
 * as systemErrorMessage words it: "<file>: no space left on the device: … (ENOSPC)".
 */
export function systemErrnoMessage(errno: number, file: string): string {
  const code = Object.entries(osConstants.errno).find(([, value]) => value === errno)?.[0] ?? `errno ${errno}`;
  return `${printable(displayPath(file))}: ${systemReasons[code] ?? "the system refused it"} (${code})`;
}

/** A system error's reason without the file it names: "no space left on the device: … (ENOSPC)". */
export function systemErrorReason(error: unknown): string | undefined {
  return isSystemError(error) ? `${systemReasons[error.code] ?? nodeReason(error)} (${error.code})` : undefined;
}

/** "no such file or directory", from "ENOENT: no such file or directory, mkdir '/x'". */
function nodeReason(error: SystemError): string {
  return printable(error.message.replace(/^E[A-Z0-9]+: /, "").replace(/, \w+ '.*$/s, ""));
}

function readOnlyAncestor(file: string): boolean {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    try {
      accessSync(dir, constants.W_OK);
      return false;
    } catch (error) {
      if ((error as SystemError).code === "EROFS") return true;
      if ((error as SystemError).code !== "ENOENT") return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

/**
 * `text` with every control character written as an escape (`\n`, `\t`, `\0`, `\x1b`, `\u202e`),
 * so that a file name or value printed in a message can neither forge a line nor drive the
 * terminal. Printable text, backslashes included, is left as it is, so that applying it twice
 * changes nothing.
 */
export function printable(text: string): string {
  return text.replace(controlCharacters, (character) => {
    const named = namedEscapes[character];
    if (named) return named;
    const code = character.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * C0 and C1 controls and DEL; the line and paragraph separators; the bidirectional embeddings,
 * overrides and isolates, which reorder how the rest of a line reads.
 */
const controlCharacters = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const namedEscapes: Record<string, string> = { "\0": "\\0", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
