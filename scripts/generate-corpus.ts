/**
 * Writes a deterministic synthetic content folder (news + conference abstracts)
 * for load-testing the build and the search index.
 *
 *   npm run corpus -- --news 8000 --abstracts 2000 --out /tmp/corpus [--seed 1]
 *
 * All content is fictional. Same arguments → byte-identical files.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface CorpusOptions {
  news: number;
  abstracts: number;
  seed?: number;
}

export interface CorpusFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  text: string;
}

interface Speaker {
  name: string;
  role: string;
  organisation: string;
}

type Rng = () => number;

/** Bad command-line input: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

// ---------------------------------------------------------------------------
// Vocabulary

export const TOPIC_IDS = [
  "international-cooperation",
  "cybercrime",
  "corruption",
  "drug-trafficking",
  "human-trafficking",
  "terrorism",
  "victims-and-witnesses",
  "training",
  "prosecutorial-independence",
  "conferences",
  "memoranda-of-understanding",
  "gender-based-violence",
] as const;

type TopicId = (typeof TOPIC_IDS)[number];

export const CONFERENCE_IDS = [
  "annual-23",
  "annual-27",
  "annual-28",
  "annual-29",
  "european-regional-18",
] as const;

const TOPIC_PHRASES: Record<TopicId, readonly string[]> = {
  "international-cooperation": ["mutual legal assistance", "cross-border cooperation", "extradition procedures"],
  cybercrime: ["cybercrime", "electronic evidence", "ransomware investigations"],
  corruption: ["corruption", "bribery in public procurement", "asset recovery"],
  "drug-trafficking": ["drug trafficking", "maritime interdiction", "precursor chemicals"],
  "human-trafficking": ["human trafficking", "migrant smuggling", "forced labour"],
  terrorism: ["terrorism", "terrorist financing", "foreign fighters"],
  "victims-and-witnesses": ["victim support", "witness protection", "restorative justice"],
  training: ["prosecutor training", "trial advocacy", "financial investigation skills"],
  "prosecutorial-independence": ["prosecutorial independence", "ethical standards", "the status of prosecutors"],
  conferences: ["the annual conference", "the regional conference", "the general meeting"],
  "memoranda-of-understanding": ["a memorandum of understanding", "a cooperation agreement", "information sharing"],
  "gender-based-violence": ["gender-based violence", "domestic violence", "femicide prosecutions"],
};

const GENERIC_TOPICS = ["criminal justice reform", "the rule of law", "case management", "plea agreements", "sentencing policy"];

// Accented place and institution names are deliberate: they exercise accent-folding search.
const PLACES = [
  "Bogotá", "São Paulo", "Zürich", "Kraków", "The Hague", "Nairobi", "Lisbon", "Santiago",
  "Vienna", "Tbilisi", "Jakarta", "Abuja", "Montréal", "Reykjavík", "Brasília", "Málaga",
  "Cape Town", "Singapore", "Kyiv", "Strasbourg", "Medellín", "Asunción", "Gdańsk", "Córdoba",
  "Accra", "Oslo", "Manila", "Lima", "Ottawa", "Kingston", "Dublin", "Tallinn", "Dakar", "Tokyo",
  "Canberra", "Nassau", "Riga", "Valletta", "Windhoek", "Helsinki",
];

const SUBJECTS = [
  "the prosecution service", "the executive committee", "senior prosecutors", "the working group",
  "defence counsel", "the trial chamber", "the appeals court", "the financial intelligence unit",
  "the joint investigation team", "the association", "member organisations", "the special rapporteur",
  "the oversight board", "the national prosecuting authority", "the liaison prosecutor",
];

// Rare on purpose, so that searching for one of these names selects a minority of documents.
const ACCENTED_SUBJECTS = [
  "the Fiscalía", "investigators from the Ministério Público", "judicial authorities in Kraków",
  "Deputy Prosecutor Núñez", "the Fiscalía in Bogotá", "the Ministério Público of São Paulo",
  "the cantonal prosecutor in Zürich",
];

const VERBS = [
  "reviewed", "examined", "endorsed", "discussed", "presented", "coordinated", "challenged",
  "adopted", "published", "called for", "welcomed", "questioned", "strengthened", "clarified",
  "analysed", "proposed", "drafted", "evaluated", "supported", "revised",
];

const OBJECTS = [
  "the mutual legal assistance request", "new guidelines on electronic evidence", "the extradition procedure",
  "a joint investigation team", "the witness protection programme", "asset recovery measures",
  "the indictment", "the plea agreement", "the sentencing framework", "the draft protocol",
  "the confiscation order", "the rules on admissibility", "a letter rogatory", "the code of conduct",
  "the annual activity report", "the freezing order", "the cooperation agreement", "the case file",
  "standards for the independence of prosecutors", "the disclosure obligations",
];

const TAILS = [
  "after lengthy deliberation", "under the applicable procedural code", "ahead of the annual conference",
  "in line with international standards", "before the end of the reporting period",
  "despite considerable resource constraints", "as part of a regional initiative", "in a closed session",
  "within the framework of the association", "at the request of the trial chamber",
  "following a review of the case law", "in consultation with victims' representatives",
];

const ACCENTED_TAILS = [
  "during the meeting in São Paulo", "in cooperation with counterparts in Zürich",
  "with support from the Bogotá office", "at a workshop in Kraków", "following a request from the Fiscalía",
  "together with the Ministério Público", "at the invitation of Prosecutor Núñez",
];

const ACCENTED_SHARE = 0.04;

const OPENERS = [
  "", "", "", "", "Moreover, ", "In addition, ", "According to the report, ", "As a result, ",
  "At the same time, ", "In practice, ", "Notably, ", "By contrast, ", "For this reason, ",
];

const LEGAL_TERMS = [
  "indictment", "subpoena", "extradition", "acquittal", "affidavit", "forfeiture", "jurisdiction",
  "admissibility", "sentencing", "custody", "warrant", "testimony", "deposition", "injunction",
  "restitution", "complicity", "embezzlement", "bribery", "money laundering", "habeas corpus",
  "due process", "burden of proof", "cross-examination", "prosecutorial discretion", "immunity",
  "statute of limitations", "double jeopardy", "chain of custody", "pre-trial detention", "appeal",
  "conviction", "perjury", "obstruction of justice", "racketeering", "fraud", "extortion",
  "search and seizure", "interception", "plea bargaining", "non-prosecution agreement",
];

const COUNTED_THINGS = ["suspects", "cases", "jurisdictions", "member states", "victims", "witnesses", "seized devices", "prosecutors"];

const HEADINGS = [
  "Background", "Key findings", "Next steps", "Legal framework", "Cooperation in Bogotá",
  "The view from São Paulo", "Lessons from Kraków", "Discussion", "Recommendations", "Outcome",
  "Evidence and procedure", "The Zürich model", "Role of the Fiscalía", "Conclusions",
];

const LINK_TEXTS = ["the full report", "the published guidelines", "the conference programme", "the joint statement", "the judgment"];
const LINK_SECTIONS = ["reports", "guidelines", "events", "statements", "judgments"];

const NEWS_TITLE_TEMPLATES: ReadonlyArray<(topic: string, place: string) => string> = [
  (topic, place) => `Prosecutors meet in ${place} to discuss ${topic}`,
  (topic, place) => `New guidelines on ${topic} adopted in ${place}`,
  (topic, place) => `${place} hosts regional seminar on ${topic}`,
  (topic, place) => `Training course on ${topic} held in ${place}`,
  (topic, place) => `Fiscalía and Ministério Público agree joint approach to ${topic} in ${place}`,
  (topic, place) => `Conference report: "${topic}" in practice, ${place}`,
  (topic, place) => `Association statement on ${topic} after ${place} meeting`,
];

const FIRST_NAMES = [
  "Ana", "José", "Zoë", "Inés", "Łukasz", "Søren", "Françoise", "Ömer", "Maria", "João",
  "Chiara", "Tomás", "Aisha", "Kwame", "Ingrid", "Mateo", "Yuki", "Priya", "Olga", "Andrés",
  "Helena", "Dario", "Amara", "Björn", "Lucía", "Nikolai", "Fatima", "Émile", "Sara", "Jiří",
];

const LAST_NAMES = [
  "Núñez", "Kowalczyk", "Gómez", "Müller", "Dvořák", "Ólafsdóttir", "Silva", "Okafor", "Rossi",
  "Jansen", "Petrović", "Haddad", "Mensah", "Lindqvist", "Fernández", "Tanaka", "Kaur", "Novak",
  "Dubois", "Castro", "Ivanova", "Brennan", "Özdemir", "Santos", "Wiśniewska", "Moreau", "Achebe",
  "Horvath", "Jiménez", "Sørensen",
];

const ROLES = [
  "Prosecutor General", "Deputy Prosecutor General", "Senior Public Prosecutor",
  "Chief Prosecutor, Cybercrime Unit", "Head of International Cooperation", "Director of Public Prosecutions",
  "Special Prosecutor for Anti-Corruption", "Legal Adviser", "Judge of the Court of Appeal",
  "Professor of Criminal Law", "Liaison Prosecutor", "Head of Training",
];

const COUNTRIES = [
  "Chile", "Colombia", "Brazil", "Poland", "Switzerland", "Portugal", "Spain", "Kenya", "Nigeria",
  "South Africa", "the Netherlands", "Norway", "Ukraine", "Georgia", "Moldova", "Indonesia",
  "the Philippines", "Japan", "Australia", "Canada", "Jamaica", "Ghana", "Mexico", "Peru",
  "Argentina", "Türkiye", "Côte d'Ivoire", "Iceland",
];

const ORGANISATION_TEMPLATES: ReadonlyArray<(country: string) => string> = [
  (country) => `Public Prosecution Service of ${country}`,
  (country) => `Office of the Prosecutor General of ${country}`,
  (country) => `Ministry of Justice of ${country}`,
  (country) => `National Prosecuting Authority of ${country}`,
  (country) => `Fiscalía General, ${country}`,
  (country) => `Ministério Público, ${country}`,
];

const SESSION_KINDS = [
  "Plenary Session", "Workshop A", "Workshop B", "Workshop C",
  "Special Interest Session", "Panel Discussion", "Regional Forum", "Closing Plenary",
];

const SESSION_THEMES = [
  "Cybercrime and Electronic Evidence", "Asset Recovery and Money Laundering", "Protecting Victims and Witnesses",
  "Prosecutorial Independence under Pressure", "Human Trafficking and Migrant Smuggling",
  "Countering Terrorist Financing", "Gender-Based Violence: Prosecutorial Approaches", "Joint Investigation Teams",
  "Corruption in Public Procurement", "Drug Trafficking and Maritime Interdiction",
  "Training the Next Generation of Prosecutors", "Mutual Legal Assistance in Practice",
  "Artificial Intelligence and the Prosecutor", "Environmental Crime",
];

const ABSTRACT_TITLE_TEMPLATES: ReadonlyArray<(topic: string, place: string) => string> = [
  (topic, place) => `${capitalise(topic)} across borders: lessons from ${place}`,
  (topic, place) => `What ${place} taught us about ${topic}`,
  (topic, place) => `Rethinking ${topic}: a view from ${place}`,
  (topic) => `${capitalise(topic)} and the limits of prosecutorial discretion`,
];

const FIRST_DAY_UTC = Date.UTC(1996, 0, 1);
const LAST_DAY_UTC = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;
const SPEAKER_POOL_SIZE = 400;
const SESSIONS_PER_CONFERENCE = 8;
const MAX_SLUG_BASE_LENGTH = 60;

// ---------------------------------------------------------------------------
// Randomness

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Integer in [min, max], both inclusive. */
function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

/** `count` distinct items in random order (partial Fisher–Yates). */
function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = randomInt(rng, i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

// ---------------------------------------------------------------------------
// Text helpers

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lowercase ASCII slug: accents folded, everything else collapsed to hyphens. */
export function slugify(text: string, maxLength = MAX_SLUG_BASE_LENGTH): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
}

/** A YAML double-quoted scalar; JSON string syntax is valid YAML. */
export function quoteYaml(value: string): string {
  return JSON.stringify(value);
}

function randomDate(rng: Rng): string {
  const days = randomInt(rng, 0, (LAST_DAY_UTC - FIRST_DAY_UTC) / DAY_MS);
  return new Date(FIRST_DAY_UTC + days * DAY_MS).toISOString().slice(0, 10);
}

function topicPhrase(rng: Rng, tags: readonly TopicId[]): string {
  const first = tags[0];
  return first === undefined ? pick(rng, GENERIC_TOPICS) : pick(rng, TOPIC_PHRASES[first]);
}

// ---------------------------------------------------------------------------
// Body markdown

function subjectPhrase(rng: Rng): string {
  return pick(rng, chance(rng, ACCENTED_SHARE) ? ACCENTED_SUBJECTS : SUBJECTS);
}

function tailPhrase(rng: Rng): string {
  return pick(rng, chance(rng, ACCENTED_SHARE) ? ACCENTED_TAILS : TAILS);
}

function plainSentence(rng: Rng): string {
  const opener = pick(rng, OPENERS);
  const subject = subjectPhrase(rng);
  const verb = pick(rng, VERBS);
  switch (randomInt(rng, 0, 3)) {
    case 0:
      return `${capitalise(opener + subject)} ${verb} ${pick(rng, OBJECTS)} ${tailPhrase(rng)}.`;
    case 1: {
      const [a, b, c] = sample(rng, LEGAL_TERMS, 3);
      return `${capitalise(opener + subject)} ${verb} issues of ${a}, ${b} and ${c} ${tailPhrase(rng)}.`;
    }
    case 2:
      return `${capitalise(opener + subject)} ${verb} ${pick(rng, OBJECTS)} in a matter involving ${randomInt(rng, 2, 480)} ${pick(rng, COUNTED_THINGS)} across ${pick(rng, PLACES)} and ${pick(rng, PLACES)}.`;
    default:
      return `${capitalise(opener + subject)} ${verb} ${pick(rng, OBJECTS)}, noting that ${pick(rng, LEGAL_TERMS)} remained a central concern ${tailPhrase(rng)}.`;
  }
}

function emphasise(rng: Rng, sentence: string): string {
  if (!chance(rng, 0.12)) return sentence;
  const object = OBJECTS.find((candidate) => sentence.includes(candidate));
  return object === undefined ? sentence : sentence.replace(object, `**${object}**`);
}

function linkSentence(rng: Rng): string {
  const section = pick(rng, LINK_SECTIONS);
  const slug = slugify(`${pick(rng, LEGAL_TERMS)} ${pick(rng, PLACES)} ${randomInt(rng, 1, 9999)}`);
  return `Further details are available in [${pick(rng, LINK_TEXTS)}](https://example.org/${section}/${slug}).`;
}

function paragraph(rng: Rng, minSentences: number, maxSentences: number): string {
  const count = randomInt(rng, minSentences, maxSentences);
  const sentences = Array.from({ length: count }, () => emphasise(rng, plainSentence(rng)));
  if (chance(rng, 0.2)) sentences.push(linkSentence(rng));
  return sentences.join(" ");
}

function bulletList(rng: Rng): string {
  return sample(rng, OBJECTS, randomInt(rng, 3, 5))
    .map((item) => `- ${capitalise(item)} ${tailPhrase(rng)}`)
    .join("\n");
}

function body(rng: Rng, sections: number): string {
  const blocks = [paragraph(rng, 2, 4)];
  const useHeadings = chance(rng, 0.6);
  const headings = sample(rng, HEADINGS, sections);
  for (let i = 0; i < sections; i++) {
    const heading = headings[i];
    if (useHeadings && heading !== undefined) blocks.push(`## ${heading}`);
    blocks.push(paragraph(rng, 3, 6));
    if (chance(rng, 0.15)) blocks.push(bulletList(rng));
  }
  return `${blocks.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------
// Documents

function document(frontMatterLines: readonly string[], markdown: string): string {
  return `---\n${frontMatterLines.join("\n")}\n---\n\n${markdown}`;
}

function newsItem(rng: Rng, number: number): CorpusFile {
  const date = randomDate(rng);
  const tags = sample(rng, TOPIC_IDS, randomInt(rng, 0, 3));
  const baseTitle = pick(rng, NEWS_TITLE_TEMPLATES)(topicPhrase(rng, tags), pick(rng, PLACES));
  const title = `${baseTitle} ${number}`;
  const lines = [`title: ${quoteYaml(title)}`, `date: ${date}`];
  if (chance(rng, 0.5)) lines.push(`summary: ${quoteYaml(plainSentence(rng))}`);
  lines.push(`tags: [${tags.join(", ")}]`);
  // The trailing number is the only digits-only hyphen segment, so slugs cannot collide.
  const slug = `${slugify(baseTitle)}-${number}`;
  return { path: `news/${date.slice(0, 4)}/${slug}.md`, text: document(lines, body(rng, randomInt(rng, 2, 5))) };
}

function speakerPool(rng: Rng): Speaker[] {
  const names = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  return sample(rng, names, SPEAKER_POOL_SIZE).map((name) => ({
    name,
    role: pick(rng, ROLES),
    organisation: pick(rng, ORGANISATION_TEMPLATES)(pick(rng, COUNTRIES)),
  }));
}

function conferenceSessions(rng: Rng): Map<string, string[]> {
  return new Map(
    CONFERENCE_IDS.map((conference) => {
      const themes = sample(rng, SESSION_THEMES, SESSIONS_PER_CONFERENCE);
      return [conference, themes.map((theme, i) => `${SESSION_KINDS[i % SESSION_KINDS.length] ?? "Session"} – ${theme}`)];
    }),
  );
}

function speakerLines(rng: Rng, speaker: Speaker): string[] {
  const lines = [`  - name: ${quoteYaml(speaker.name)}`];
  if (chance(rng, 0.85)) lines.push(`    role: ${quoteYaml(speaker.role)}`);
  if (chance(rng, 0.85)) lines.push(`    organisation: ${quoteYaml(speaker.organisation)}`);
  return lines;
}

function uniqueTitle(title: string, seen: Set<string>): string {
  let candidate = title;
  for (let n = 2; seen.has(candidate); n++) candidate = `${title} (${n})`;
  seen.add(candidate);
  return candidate;
}

function abstractItem(
  rng: Rng,
  number: number,
  speakers: readonly Speaker[],
  sessions: ReadonlyMap<string, readonly string[]>,
  seenTitles: Set<string>,
): CorpusFile {
  const conference = pick(rng, CONFERENCE_IDS);
  const session = pick(rng, sessions.get(conference) ?? ["Plenary Session"]);
  const chosen = sample(rng, speakers, randomInt(rng, 1, 3));
  const lines = [`conference: ${conference}`, `session: ${quoteYaml(session)}`, "speakers:"];
  for (const speaker of chosen) lines.push(...speakerLines(rng, speaker));
  let slugBase = `${session.split(" – ")[1] ?? session} ${chosen[0]?.name ?? ""}`;
  if (chance(rng, 0.5)) {
    const topic = pick(rng, TOPIC_PHRASES[pick(rng, TOPIC_IDS)]);
    const title = uniqueTitle(pick(rng, ABSTRACT_TITLE_TEMPLATES)(topic, pick(rng, PLACES)), seenTitles);
    lines.push(`title: ${quoteYaml(title)}`);
    slugBase = title;
  }
  // "a" + number is the only segment of that shape, so abstract slugs never collide with each other or with news.
  const slug = `${slugify(slugBase)}-a${number}`;
  return { path: `abstracts/${conference}/${slug}.md`, text: document(lines, body(rng, randomInt(rng, 2, 4))) };
}

export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const rng = mulberry32(options.seed ?? 1);
  const speakers = speakerPool(rng);
  const sessions = conferenceSessions(rng);
  const seenTitles = new Set<string>();
  const files: CorpusFile[] = [];
  for (let i = 1; i <= options.news; i++) files.push(newsItem(rng, i));
  for (let i = 1; i <= options.abstracts; i++) files.push(abstractItem(rng, i, speakers, sessions, seenTitles));
  return files;
}

// ---------------------------------------------------------------------------
// Writing

/** Refuses to rm -rf a folder that holds the working directory or the user's home. */
function assertSafeToReplace(root: string): void {
  const fromRootToCwd = path.relative(root, process.cwd());
  const containsCwd = !fromRootToCwd.startsWith("..") && !path.isAbsolute(fromRootToCwd);
  if (containsCwd || root === path.parse(root).root || root === homedir()) {
    throw new UsageError(`refusing to replace ${root}: it contains the working directory or is a root/home folder`);
  }
}

/** Replaces `outDir` with the given files; returns the number of bytes written. */
export function writeCorpus(outDir: string, files: readonly CorpusFile[]): number {
  const root = path.resolve(outDir);
  assertSafeToReplace(root);
  rmSync(root, { recursive: true, force: true });
  const targets = files.map((file) => {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`file path escapes the output folder: ${file.path}`);
    return { target, data: Buffer.from(file.text, "utf8") };
  });
  for (const dir of new Set(targets.map(({ target }) => path.dirname(target)))) mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const { target, data } of targets) {
    writeFileSync(target, data);
    bytes += data.length;
  }
  return bytes;
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = "usage: npm run corpus -- --out <dir> [--news 8000] [--abstracts 2000] [--seed 1]";

function parseCount(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

export function parseCliArgs(args: readonly string[]): Required<CorpusOptions> & { out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        news: { type: "string", default: "8000" },
        abstracts: { type: "string", default: "2000" },
        seed: { type: "string", default: "1" },
        out: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.out === undefined || values.out === "") throw new UsageError("--out <dir> is required");
  return {
    news: parseCount("news", values.news),
    abstracts: parseCount("abstracts", values.abstracts),
    seed: parseCount("seed", values.seed),
    out: values.out,
  };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function main(): void {
  try {
    const options = parseCliArgs(process.argv.slice(2));
    const started = performance.now();
    const bytes = writeCorpus(options.out, generateCorpus(options));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `wrote ${options.news} news and ${options.abstracts} abstracts (${formatMegabytes(bytes)}) to ${options.out} in ${seconds} s`,
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`generate-corpus: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
