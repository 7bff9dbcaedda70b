/**
 * Words the synthetic corpus never uses: profanity, slurs and the names of dictators. Its
 * vocabularies come from film subtitles and 1961 prose, which hold them, and the corpus ends up in
 * screenshots and demos of the archive. A stem blocks every word it starts ("fuck" → "fucking");
 * a word blocks only itself, so that "ass" does not take "assembly" with it.
 */

interface BlockList {
  stems: readonly string[];
  words: readonly string[];
}

/** Blocked in every language: dictators and their regimes. */
const names: BlockList = {
  stems: ["hitler", "nazi", "stalin", "mussolini", "pinochet", "himmler", "goebbels", "mengele"],
  words: ["franco", "mao", "saddam", "gaddafi", "qaddafi"],
};

const byLanguage: Record<string, BlockList> = {
  en: {
    stems: [
      "fuck",
      "motherfuck",
      "shit",
      "bullshit",
      "cunt",
      "nigg",
      "fagg",
      "whore",
      "slut",
      "bitch",
      "asshole",
      "arsehole",
      "cocksuck",
      "dickhead",
      "wank",
      "twat",
      "dildo",
      "porn",
      "rapist",
    ],
    words: [
      "ass",
      "arse",
      "bastard",
      "bastards",
      "cock",
      "dick",
      "pussy",
      "fag",
      "fags",
      "retard",
      "retarded",
      "spic",
      "kike",
      "chink",
      "wetback",
      "prick",
      "piss",
      "pissed",
      "damn",
      "goddamn",
      "crap",
      "dyke",
      "bollocks",
      "douche",
      "jackass",
      "horny",
      "rape",
      "raped",
      "negro",
      "negroes",
      "coon",
      "gook",
      "jap",
      "homo",
      "tranny",
      "tits",
      "boobs",
      "cum",
      "bugger",
      "skank",
    ],
  },
  es: {
    stems: ["puta", "mierd", "jod", "coño", "pendej", "maric", "gilipoll", "follar", "ching", "hijoputa"],
    words: ["cabrón", "cabron", "puto", "putos", "carajo", "culo", "verga", "polla", "zorra", "pinche", "sudaca"],
  },
  fr: {
    stems: ["merd", "putain", "connard", "connass", "salop", "encul", "couill", "niqu", "enfoir", "bougnoul"],
    words: [
      "pute",
      "putes",
      "bordel",
      "chier",
      "bite",
      "pédé",
      "foutre",
      "salaud",
      "bâtard",
      "nègre",
      "con",
      "conne",
      "pétain",
    ],
  },
};

/** Whether `word` (any case) is blocked in `language` ("en", "es", "fr"). */
export function isBlockedWord(word: string, language: string): boolean {
  const folded = word.toLowerCase();
  return [names, byLanguage[language]].some(
    (list) => list !== undefined && (list.words.includes(folded) || list.stems.some((stem) => folded.startsWith(stem))),
  );
}
