/**
 * The typed data files of `_data/`, checked against their schemas: every script and the templates
 * read site, topics and conferences from here. The files themselves hold plain values and import
 * nothing, so staff edit them without the build's code in the way.
 */
import path from "node:path";
import type { z } from "zod";
import rawConferences from "../../../_data/conferences.ts";
import rawSite from "../../../_data/site.ts";
import rawTopics from "../../../_data/topics.ts";
import { ContentError, fieldName } from "./problems.ts";
import { conferenceSchema, siteSchema, topicSchema } from "./schema.ts";

/** `value` checked by `schema`, or a ContentError naming `_data/<name>.ts` and each wrong field. */
export function checkedData<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const file = path.join("_data", `${name}.ts`);
  throw new ContentError(
    result.error.issues.map((issue) => ({ file, field: fieldName(issue.path) || undefined, message: issue.message })),
  );
}

export const site = checkedData("site", siteSchema, rawSite);
export const topics = checkedData("topics", topicSchema.array(), rawTopics);
export const conferences = checkedData("conferences", conferenceSchema.array(), rawConferences);

/** The data files by name, as Eleventy gives them to templates. */
export const dataFiles: Record<string, unknown> = { site, topics, conferences };
