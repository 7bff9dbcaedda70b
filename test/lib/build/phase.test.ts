import { test } from "uvu";
import * as assert from "uvu/assert";
import { allSettledOrFirstError, phaseLine } from "../../../scripts/lib/build/phase.ts";

test("a phase line gives what the phase did, when it started and how long it took", () => {
  assert.is(
    phaseLine("search", "3 pages", 814, 1290),
    "search    3 pages                                                     at 1.29 s   814 ms",
  );
  assert.is(
    phaseLine("bag", "103 files", 40),
    "bag       103 files                                                     40 ms",
  );
});

test("phases run at once all end before the first failure is thrown", async () => {
  const ended: string[] = [];
  const late = new Promise<string>((resolve) =>
    setTimeout(() => {
      ended.push("index written");
      resolve("index");
    }, 50),
  );
  const failing = Promise.reject(new Error("feeds: not well-formed"));
  const failure = await allSettledOrFirstError([late, failing] as const).then(
    () => undefined,
    (error: Error) => error.message,
  );
  assert.is(failure, "feeds: not well-formed");
  assert.equal(ended, ["index written"]);
  assert.equal(await allSettledOrFirstError([Promise.resolve(1), Promise.resolve("two")] as const), [1, "two"]);
});

test.run();
