/** Messages for people: scripts/lib/util/error-message.ts. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  errorMessage,
  printable,
  systemErrnoMessage,
  systemErrorMessage,
} from "../../../scripts/lib/util/error-message.ts";

const dir = mkdtempSync(path.join(tmpdir(), "error-message-"));

/** The error a real file-system call throws. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

test("control characters are escaped, printable text (backslashes too) is left as it is, and twice is once", () => {
  assert.is(
    printable("a\nb\x1b[2Kc\0d\te\rf\x7fg\x9bh\u2028i\u202ej"),
    "a\\nb\\x1b[2Kc\\0d\\te\\rf\\x7fg\\x9bh\\u2028i\\u202ej",
  );
  assert.is(printable("Fiscalía C:\\docs «ok»"), "Fiscalía C:\\docs «ok»");
  assert.is(printable(printable("x\ny")), "x\\ny");
});

test("a system error is one line: the file, the reason in words and the code", () => {
  const missing = path.join(dir, "missing.txt");
  assert.is(errorMessage(thrown(() => readFileSync(missing))), `${missing}: no such file or directory (ENOENT)`);
  writeFileSync(path.join(dir, "file"), "x");
  assert.is(
    systemErrorMessage(thrown(() => mkdirSync(path.join(dir, "file", "sub")))),
    `${path.join(dir, "file", "sub")}: not a directory (ENOTDIR)`,
  );
  assert.is(
    systemErrnoMessage(28, "/mnt/site"),
    "/mnt/site: no space left on the device: free some space, or write to another disk (ENOSPC)",
  );
  assert.is(
    systemErrnoMessage(30, "/mnt/site"),
    "/mnt/site: the file system is read-only: make it writable, or write to another folder (EROFS)",
  );
});

test("a system error under others is the message; a name in it is escaped; one naming no file names `where`", () => {
  const file = path.join(dir, "bad\nname\x1b[0m");
  const wrapped = new Error("Having trouble writing", { cause: thrown(() => readFileSync(file)) });
  assert.is(errorMessage(wrapped), `${dir}/bad\\nname\\x1b[0m: no such file or directory (ENOENT)`);
  const write = Object.assign(new Error("ENOSPC: no space left on device, write"), {
    code: "ENOSPC",
    syscall: "write",
  });
  assert.is(
    errorMessage(write, "/mnt/site.tmp-1"),
    "/mnt/site.tmp-1: no space left on the device: free some space, or write to another disk (ENOSPC)",
  );
});

test("other errors keep their lines and causes, with control characters escaped in each", () => {
  const error = new Error("first line\nsecond \x1b[31mred", { cause: new Error("the cause") });
  assert.is(errorMessage(error), "first line\nsecond \\x1b[31mred\n  caused by: the cause");
  assert.is(errorMessage("plain\0text"), "plain\\0text");
});

test.run();
