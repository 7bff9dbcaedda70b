/**
 * `npm run snapshot`'s options (scripts/snapshot.ts) and what a snapshot says about itself
 * (scripts/lib/snapshot/info.ts).
 */
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repoRoot } from "../../scripts/lib/util/repo-root.ts";
import { contentCommit, periodLabel, periodSlug } from "../../scripts/lib/snapshot/info.ts";
import { parseSnapshotArgs } from "../../scripts/snapshot.ts";
import { tempDir } from "../support/site.ts";

test("a year, with the defaults: the sample content, today, snapshots/<site>-<year>", () => {
  assert.equal(parseSnapshotArgs(["--year", "2023"], "/work", "2026-03-14"), {
    contentDir: path.join(repoRoot, "src"),
    period: { from: 2023, to: 2023 },
    outDir: path.join(repoRoot, "snapshots/iap-news-archive-2023"),
    takenOn: "2026-03-14",
  });
});

test("a period, with every option; paths are taken from where the command runs", () => {
  assert.equal(
    parseSnapshotArgs(
      [
        "--from",
        "2019",
        "--to",
        "2021",
        "--out",
        "out/s",
        "--content",
        "../content",
        "--base-path",
        "archive",
        "--date",
        "2024-02-29",
      ],
      "/work/here",
    ),
    {
      contentDir: "/work/content",
      period: { from: 2019, to: 2021 },
      outDir: "/work/here/out/s",
      takenOn: "2024-02-29",
      basePath: "/archive/",
    },
  );
  assert.is(
    parseSnapshotArgs(["--from", "2019", "--to", "2021"], "/", "2026-01-01").outDir,
    path.join(repoRoot, "snapshots/iap-news-archive-2019-2021"),
  );
});

test("a wrong period or date is refused with what to give instead", () => {
  const refused = (args: string[]) => {
    try {
      parseSnapshotArgs(args, "/", "2026-01-01");
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return "accepted";
  };
  assert.is(refused([]), "give the period: --year 2023, or --from 2019 --to 2021");
  assert.is(refused(["--from", "2019"]), "give the period: --year 2023, or --from 2019 --to 2021");
  assert.is(refused(["--year", "2023", "--from", "2019"]), "give either --year or --from and --to, not both");
  assert.is(refused(["--year", "23"]), '--year "23" is not a year (four digits, e.g. 2023)');
  assert.is(refused(["--from", "2021", "--to", "2019"]), "--from 2021 is after --to 2019");
  assert.is(
    refused(["--year", "2023", "--date", "2023-02-30"]),
    '--date "2023-02-30" is not a calendar date (YYYY-MM-DD)',
  );
});

test("--wacz asks for the web archive beside the bag, --wacz-only for it alone, not both", () => {
  assert.is(parseSnapshotArgs(["--year", "2023"], "/", "2026-01-01").wacz, undefined);
  assert.is(parseSnapshotArgs(["--year", "2023", "--wacz"], "/", "2026-01-01").wacz, "also");
  assert.is(parseSnapshotArgs(["--year", "2023", "--wacz-only"], "/", "2026-01-01").wacz, "only");
  assert.throws(
    () => parseSnapshotArgs(["--year", "2023", "--wacz", "--wacz-only"], "/", "2026-01-01"),
    /give --wacz \(the bag, its zip and the WACZ\) or --wacz-only, not both/,
  );
});

test("the period as shown and as a file name", () => {
  assert.is(periodLabel({ from: 2023, to: 2023 }), "2023");
  assert.is(periodLabel({ from: 2019, to: 2021 }), "2019–2021");
  assert.is(periodSlug({ from: 2019, to: 2021 }), "2019-2021");
});

test("the content's commit: none outside a git repository", () => {
  assert.is(contentCommit(tempDir("no-git-")), undefined);
  const commit = contentCommit(path.join(repoRoot, "src"));
  assert.match(commit?.id ?? "", /^[0-9a-f]{40}$/);
});

test.run();
