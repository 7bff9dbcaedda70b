/**
 * The content model: one zod schema per kind of content and data record. Each schema is both the
 * build-time check and, through `z.infer`, the TypeScript type that templates and scripts read.
 *
 * Messages are written for the staff member who made the mistake: they say what is allowed.
 */
import { z } from "zod";
import { isCalendarDate } from "./dates.ts";
import { isKnownLanguage, tagForName } from "./languages.ts";

const calendarDate = z
  .string({ error: "must be a calendar date written YYYY-MM-DD, e.g. 2023-11-14" })
  .refine(isCalendarDate, {
    error: "is not a calendar date (YYYY-MM-DD, e.g. 2023-11-14; no time or time zone)",
  })
  // JSON Schema's name for a calendar date: the editor's form shows a date picker for it
  // (scripts/lib/editor/config.ts).
  .meta({ format: "date" });

/**
 * Characters no text field may hold: control characters other than tab and newline, Unicode
 * noncharacters (U+FFFE), line and paragraph separators (U+2028), lone surrogates. They are
 * invisible, and XML cannot carry most of them: one of them makes a whole feed unreadable.
 */
export const forbiddenCharacters =
  // eslint-disable-next-line no-control-regex -- the control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]|\p{Surrogate}/u;

/** A character someone can see: not space, not a format or control character, not default-ignorable (U+200B). */
const visibleCharacter = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

export function describeCharacter(text: string): string {
  const character = forbiddenCharacters.exec(text)?.[0] ?? "";
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

const nonEmptyText = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .trim()
    .min(1, { error: `must be ${what}, not empty`, abort: true })
    .refine((text) => !forbiddenCharacters.test(text), {
      error: (issue) =>
        `contains an invisible control character (${describeCharacter(String(issue.input))}): ` +
        "retype the text without it",
    })
    .refine((text) => visibleCharacter.test(text), { error: `must be ${what}, with at least one visible character` });

/** Slugs become URL segments: lowercase ASCII letters, digits and single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A URL segment is a folder name in the output: file systems refuse names over 255 bytes. */
export const maxSlugLength = 100;
const slug = z
  .string({ error: "must be a URL slug" })
  .regex(slugPattern, { error: "must be lowercase letters a–z, digits and single hyphens, e.g. iap-signs-mou" })
  .max(maxSlugLength, { error: `must be at most ${maxSlugLength} characters, e.g. iap-signs-mou` });

const maxAliasLength = 300;
const maxAliasDepth = 12;

/** What an alias (decoded) must be, each with what staff are told when it is not. */
const aliasRules: [(alias: string) => boolean, string][] = [
  [(alias) => /^\/(?!\/)[^\s?#\\]*$/.test(alias), "must be a site path starting with /, without spaces, ? or #"],
  [
    (alias) => !alias.split("/").some((segment) => segment === ".." || segment === "."),
    "must not contain . or .. segments",
  ],
  [(alias) => !forbiddenCharacters.test(alias) && !/\p{Cc}/u.test(alias), "must not contain control characters"],
  [
    (alias) => alias.length <= maxAliasLength && alias.split("/").length - 1 <= maxAliasDepth,
    `must be at most ${maxAliasLength} characters and ${maxAliasDepth} parts between slashes`,
  ],
  // Each segment becomes a folder or file name: file systems refuse names over 255 bytes.
  [
    (alias) => alias.split("/").every((segment) => Buffer.byteLength(segment) <= 200),
    "must not have a part between slashes longer than 200 bytes",
  ],
];

/**
 * An old URL path that should keep working, e.g. /News/The-IAP-signed-MOU-with-AIAMP. An address
 * copied from a browser may be %-encoded (/News/Caf%C3%A9): it is decoded, since hosts look a file
 * up under its decoded name, and the rules apply to the decoded path; messages quote it as written.
 */
const aliasPath = z.string({ error: "must be a path such as /News/Old-Title" }).transform((alias, context) => {
  const refuse = (message: string) => {
    context.issues.push({ code: "custom", input: alias, message });
    return z.NEVER;
  };
  let decoded = alias;
  if (alias.includes("%")) {
    // Decoded, an encoded slash would split one old folder name into two.
    if (/%(2f|5c)/i.test(alias))
      return refuse("must not encode / or \\ as %2F or %5C: write the address with its slashes");
    try {
      decoded = decodeURIComponent(alias);
    } catch {
      return refuse(
        "has a % that does not start valid %-encoded UTF-8: copy the address again from the browser's address bar",
      );
    }
  }
  const broken = aliasRules.find(([holds]) => !holds(decoded));
  return broken ? refuse(broken[1]) : decoded;
});

/**
 * A file of the item's own (photo.jpg, guide.pdf), written relative to its Markdown file. Every
 * published file is the archive's own (the pages' CSP allows images from the site only), so
 * addresses are refused; that the file exists and stays in the item's folder is checked by the
 * content loader, which knows where the item is.
 */
const localFile = (example: string) =>
  z
    .string({ error: `must be the name of a file beside the content file, e.g. ${example}` })
    .trim()
    .min(1, { error: `must be the name of a file beside the content file, e.g. ${example}` })
    .refine((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("//"), {
      error:
        "is an address: only files of the archive's own are published; " +
        `save the file beside the content file and write its name, e.g. ${example}`,
    })
    .refine((src) => !src.startsWith("/") && !src.includes("\\"), {
      error: `must be a path relative to the content file with forward slashes, e.g. ${example}`,
    });

export const imageSchema = z.strictObject({
  src: localFile("photo.jpg"),
  /** Required: `alt: ""` says, explicitly, that the image is decorative. */
  alt: z.string({
    error: 'must describe the image for readers who cannot see it, or be "" for a purely decorative image',
  }),
  caption: nonEmptyText("a caption as text").optional(),
  credit: nonEmptyText("who took or owns the picture, e.g. IAP").optional(),
});
export type ImageFrontMatter = z.infer<typeof imageSchema>;

const languageTag = z
  .string({ error: "must be a BCP 47 language tag, e.g. es" })
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, {
    error: "must be a BCP 47 language tag, e.g. es or pt-BR",
  });

export const documentSchema = z.strictObject({
  src: localFile("guide.pdf"),
  title: nonEmptyText("the document's title, e.g. Good Practices Guide"),
  language: languageTag.optional(),
});
export type DocumentFrontMatter = z.infer<typeof documentSchema>;

/** A recording hosted elsewhere: shown as a link, never embedded (no third-party frames or scripts). */
export const videoSchema = z.strictObject({
  url: z.url({
    protocol: /^https$/,
    error: "must be the recording's https address, e.g. https://www.youtube.com/watch?v=…",
  }),
  title: nonEmptyText("the recording's title"),
});

/** An item's language: a BCP 47 tag a browser can name (scripts/lib/content/languages.ts). */
const itemLanguage = z
  .string({ error: "must be a BCP 47 language tag, e.g. es, fr or pt-BR" })
  .refine(isKnownLanguage, {
    error: (issue) => {
      const tag = tagForName(String(issue.input));
      const didYouMean = tag ? `; did you mean "${tag}"?` : "";
      return `is not a language tag a browser knows: write a BCP 47 tag such as es, fr or pt-BR${didYouMean}`;
    },
  });

/** The fields every content file may carry. */
const common = {
  aliases: z.array(aliasPath, { error: "must be a list of old paths, e.g. [/News/Old-Title]" }).optional(),
  draft: z.boolean({ error: "must be true or false" }).optional(),
  slug: slug.optional(),
  image: imageSchema.optional(),
  documents: z.array(documentSchema, { error: "must be a list of documents, each with a src and a title" }).optional(),
  video: videoSchema.optional(),
  /** The language of the item's text; the site's `language` (_data/site.ts) when absent. */
  // The editor's hint (scripts/lib/editor/config.ts).
  lang: itemLanguage.meta({ description: "Only for an item not in English: es, fr, pt-BR…" }).optional(),
  /**
   * The address of the same item in another language, e.g. /news/2023/iap-signed-mou-with-aiamp/.
   * Items naming each other, or one item, form one group of translations (scripts/lib/content/translations.ts).
   */
  translationOf: z
    .string({
      error: "must be the address of the same item in another language, e.g. /news/2023/iap-signed-mou-with-aiamp/",
    })
    .regex(/^\/(?:news|abstracts)\/[^\s?#]+\/$/, {
      error:
        "must be the address of a news item or abstract, starting with /news/ or /abstracts/ and ending with /, " +
        "e.g. /news/2023/iap-signed-mou-with-aiamp/",
    })
    .meta({
      description: "The address of the same item in another language, e.g. /news/2023/iap-signed-mou-with-aiamp/",
    })
    .optional(),
};

/**
 * News item front matter. Topic ids are checked against `_data/topics.ts` by the content loader,
 * which can suggest the closest known id.
 */
export const newsSchema = z.strictObject({
  title: nonEmptyText("the headline as text"),
  date: calendarDate,
  summary: nonEmptyText("one or two sentences of text").optional(),
  tags: z
    .array(z.string({ error: "must be a topic id" }), {
      error: "must be a list of topic ids, e.g. [international-cooperation]",
    })
    .optional(),
  ...common,
});
export type NewsFrontMatter = z.infer<typeof newsSchema>;

export const speakerSchema = z.strictObject({
  name: nonEmptyText("the speaker's full name"),
  role: nonEmptyText("the speaker's role at the time, e.g. Attorney General").optional(),
  organisation: nonEmptyText("the speaker's organisation at the time").optional(),
  /**
   * How the name is filed in the speakers index, surname first: "Bautista Mahiques, Juan". Needed
   * only where the surname is not the last word of the name (see scripts/lib/content/speakers.ts).
   */
  sort: z
    .string({ error: 'must be the name as filed, surname first, e.g. "Bautista Mahiques, Juan"' })
    .trim()
    .regex(/^[^,]+,[^,]+$/, {
      error: 'must be the name as filed, surname first, with one comma, e.g. "Bautista Mahiques, Juan"',
    })
    .optional(),
});
export type Speaker = z.infer<typeof speakerSchema>;

/** Conference abstract front matter. The conference id is checked against `_data/conferences.ts`. */
export const abstractSchema = z.strictObject({
  conference: z.string({ error: "must be a conference id from _data/conferences.ts, e.g. annual-27" }),
  session: nonEmptyText("the session's name"),
  speakers: z
    .array(speakerSchema, {
      error: "must be a list of speakers, each with a name (and optional role, organisation)",
    })
    .min(1, { error: "must list at least one speaker" }),
  title: nonEmptyText("the abstract's title").optional(),
  tags: z
    .array(z.string({ error: "must be a topic id" }), {
      error: "must be a list of topic ids, e.g. [international-cooperation]",
    })
    .optional(),
  ...common,
});
export type AbstractFrontMatter = z.infer<typeof abstractSchema>;

export const topicSchema = z.strictObject({
  id: slug,
  label: nonEmptyText("a short label"),
  description: nonEmptyText("a sentence describing the topic"),
});
export type Topic = z.infer<typeof topicSchema>;

/** A conference record: only known facts; unknown fields stay absent rather than invented. */
export const conferenceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(?:-[a-z]+)*-\d+$/, { error: "must look like annual-27" }),
    kind: z.enum(["annual", "regional"]),
    edition: z.number().int().positive(),
    name: nonEmptyText("the conference's full name"),
    start: calendarDate,
    end: calendarDate,
    city: nonEmptyText("a city").optional(),
    country: nonEmptyText("a country").optional(),
    host: nonEmptyText("the host organisation").optional(),
    theme: nonEmptyText("the conference theme").optional(),
    /** The sessions in programme order, as abstracts name them; sessions not listed follow, by name. */
    sessions: z.array(nonEmptyText("a session's name, as abstracts give it")).optional(),
  })
  .refine((conference) => conference.start <= conference.end, {
    error: "end must not be before start",
    path: ["end"],
  });
export type Conference = z.infer<typeof conferenceSchema>;

export const siteSchema = z.strictObject({
  name: nonEmptyText("the site's name"),
  organisation: nonEmptyText("the publishing organisation"),
  /** Absolute URL of the live site, used for canonical links and feeds. */
  url: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }),
  /**
   * The folder the site is served from, e.g. "/archive/" for https://example.org/archive/.
   * Defaults to the path of `url`; `npm run build -- --base-path` overrides it.
   */
  basePath: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, {
      error: "must be a folder path such as /archive/ (starting and ending with /)",
    })
    .optional(),
  language: itemLanguage,
  /** IANA time zone in which content dates are calendar dates; decides what "today" is. */
  timeZone: nonEmptyText("an IANA time zone, e.g. Europe/London"),
  description: nonEmptyText("a sentence describing the site"),
  /** The first year the archive can hold: an earlier date is a typo (0001-01-01). */
  archiveStart: z.number().int().min(1900).max(2100),
  /** Images and documents of the items (scripts/lib/phases/media.ts). */
  media: z
    .strictObject({
      /** Largest image file accepted, in megabytes. */
      maxImageMegabytes: z.number().positive(),
      /** Largest attached document accepted, in megabytes. */
      maxDocumentMegabytes: z.number().positive(),
      /** Publish each image's original file too (its metadata removed, like every other image). */
      publishOriginals: z.boolean(),
    })
    .optional(),
  /**
   * The editor at /admin/ (docs/editing.md) in the published site; left out when absent. `backend`
   * is Decap CMS's own `backend` block: the Git host its commits go to and how staff sign in.
   */
  editor: z
    .strictObject({
      backend: z
        .strictObject({
          name: z.enum(["github", "gitlab", "gitea", "bitbucket", "git-gateway"], {
            error: "must be github, gitlab, gitea, bitbucket or git-gateway",
          }),
          repo: z
            .string()
            .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, { error: "must be the repository as owner/name, e.g. iap/news-archive" })
            .optional(),
          branch: z
            .string()
            .regex(/^[\w./-]+$/, { error: "must be a branch name, e.g. main" })
            .optional(),
          base_url: z
            .url({
              protocol: /^https$/,
              error: "must be the https address of the OAuth proxy, e.g. https://auth.example.org",
            })
            .optional(),
          auth_endpoint: z
            .string()
            .regex(/^[\w./-]+$/, { error: "must be a path on base_url, e.g. auth" })
            .optional(),
          api_root: z.url({ protocol: /^https$/, error: "must be the https address of the Git host's API" }).optional(),
          app_id: z.string().regex(/^\w+$/, { error: "must be the OAuth application's id" }).optional(),
          auth_type: z.enum(["pkce", "implicit"], { error: "must be pkce or implicit" }).optional(),
        })
        .refine((backend) => backend.name === "git-gateway" || backend.repo !== undefined, {
          error: "repo is required for a Git host: the repository as owner/name, e.g. iap/news-archive",
          path: ["repo"],
        }),
      /** The content folder's path in the repository, where news/ and abstracts/ are. */
      contentFolder: z
        .string()
        .regex(/^[\w.-]+(?:\/[\w.-]+)*$/, { error: "must be a folder of the repository, e.g. src" }),
    })
    .optional(),
});
export type Site = z.infer<typeof siteSchema>;
