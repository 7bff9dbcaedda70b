/**
 * The words around an item's text on its page ("Published", "Topics", "Cite this"), one table per
 * language, so that a Spanish item reads as Spanish from its breadcrumb to its "Next" link. The
 * site's own navigation (header, footer, menus, list pages) stays in the site's language and is
 * written in the templates. Templates read a table through the `words` filter
 * (scripts/lib/eleventy/filters.ts): `{% set words = item.lang | words %}`, then `{{ words.topics }}`.
 *
 * `{date}`, `{count}`, `{session}`, `{conference}`, `{link}` stand where the template puts a value or
 * an element; a template splits the text there (`words.published.split("{date}")`), so every word
 * stays escaped. Every table has every key with the same placeholders (test/lib/content/words.test.ts).
 */

const english = {
  news: "News",
  conferences: "Conferences",
  published: "Published {date}",
  draft: "Draft, dated {date}: not published; visible only in previews.",
  scheduled: "Scheduled for {date}: appears on the live site that day.",
  draftAbstract: "Draft: not published; visible only in previews.",
  scheduledAbstract: "Scheduled: appears on the live site on {date}.",
  alsoIn: "Also in:",
  photo: "Photo: {credit}",
  originalImage: "Original image ({format})",
  documents: "Documents",
  onePage: "1 page",
  pages: "{count} pages",
  documentText: "Text of the document",
  videoOn: "Video on {host}",
  topics: "Topics",
  citeThis: "Cite this",
  citedAbstract: "Abstract",
  relatedNews: "Related news",
  moreNews: "More news",
  previous: "Previous",
  next: "Next",
  allNews: "All news",
  newsOfYear: "News of {year}",
  conference: "Conference",
  session: "Session",
  speaker: "Speaker",
  speakers: "Speakers",
  sessionAbstracts: "Other abstracts of this session",
  moreOnConferencePage: "And {count} more on {link}the conference page{/link}.",
  onlyAbstract: "This is the only abstract of “{session}” in the archive.",
  moreFromConference: "More from this conference",
  allAbstractsOf: "All abstracts of the {conference}",
};

export type WordKey = keyof typeof english;
export type Words = Readonly<Record<WordKey, string>>;

const spanish: Words = {
  news: "Noticias",
  conferences: "Conferencias",
  published: "Publicado el {date}",
  draft: "Borrador, con fecha del {date}: no publicado; solo visible en las vistas previas.",
  scheduled: "Programado para el {date}: aparecerá en el sitio público ese día.",
  draftAbstract: "Borrador: no publicado; solo visible en las vistas previas.",
  scheduledAbstract: "Programado: aparecerá en el sitio público el {date}.",
  alsoIn: "También en:",
  photo: "Foto: {credit}",
  originalImage: "Imagen original ({format})",
  documents: "Documentos",
  onePage: "1 página",
  pages: "{count} páginas",
  documentText: "Texto del documento",
  videoOn: "Vídeo en {host}",
  topics: "Temas",
  citeThis: "Cómo citar",
  citedAbstract: "Resumen",
  relatedNews: "Noticias relacionadas",
  moreNews: "Más noticias",
  previous: "Anterior",
  next: "Siguiente",
  allNews: "Todas las noticias",
  newsOfYear: "Noticias de {year}",
  conference: "Conferencia",
  session: "Sesión",
  speaker: "Ponente",
  speakers: "Ponentes",
  sessionAbstracts: "Otros resúmenes de esta sesión",
  moreOnConferencePage: "Y {count} más en {link}la página de la conferencia{/link}.",
  onlyAbstract: "Este es el único resumen de «{session}» en el archivo.",
  moreFromConference: "Más de esta conferencia",
  allAbstractsOf: "Todos los resúmenes: {conference}",
};

// French puts a no-break space before a colon and inside guillemets.
const french: Words = {
  news: "Actualités",
  conferences: "Conférences",
  published: "Publié le {date}",
  draft: "Brouillon, daté du {date}\u00a0: non publié\u00a0; visible seulement dans les aperçus.",
  scheduled: "Prévu pour le {date}\u00a0: paraîtra sur le site public ce jour-là.",
  draftAbstract: "Brouillon\u00a0: non publié\u00a0; visible seulement dans les aperçus.",
  scheduledAbstract: "Prévu\u00a0: paraîtra sur le site public le {date}.",
  alsoIn: "Aussi en\u00a0:",
  photo: "Photo\u00a0: {credit}",
  originalImage: "Image originale ({format})",
  documents: "Documents",
  onePage: "1 page",
  pages: "{count} pages",
  documentText: "Texte du document",
  videoOn: "Vidéo sur {host}",
  topics: "Thèmes",
  citeThis: "Citer cette page",
  citedAbstract: "Résumé",
  relatedNews: "Actualités liées",
  moreNews: "Plus d’actualités",
  previous: "Précédent",
  next: "Suivant",
  allNews: "Toutes les actualités",
  newsOfYear: "Actualités de {year}",
  conference: "Conférence",
  session: "Session",
  speaker: "Intervenant",
  speakers: "Intervenants",
  sessionAbstracts: "Autres résumés de cette session",
  moreOnConferencePage: "Et {count} autres sur {link}la page de la conférence{/link}.",
  onlyAbstract: "C’est le seul résumé de «\u00a0{session}\u00a0» dans l’archive.",
  moreFromConference: "Plus de cette conférence",
  allAbstractsOf: "Tous les résumés\u00a0: {conference}",
};

const portuguese: Words = {
  news: "Notícias",
  conferences: "Conferências",
  published: "Publicado em {date}",
  draft: "Rascunho, datado de {date}: não publicado; visível apenas nas pré-visualizações.",
  scheduled: "Agendado para {date}: aparece no site público nesse dia.",
  draftAbstract: "Rascunho: não publicado; visível apenas nas pré-visualizações.",
  scheduledAbstract: "Agendado: aparece no site público em {date}.",
  alsoIn: "Também em:",
  photo: "Foto: {credit}",
  originalImage: "Imagem original ({format})",
  documents: "Documentos",
  onePage: "1 página",
  pages: "{count} páginas",
  documentText: "Texto do documento",
  videoOn: "Vídeo em {host}",
  topics: "Temas",
  citeThis: "Como citar",
  citedAbstract: "Resumo",
  relatedNews: "Notícias relacionadas",
  moreNews: "Mais notícias",
  previous: "Anterior",
  next: "Seguinte",
  allNews: "Todas as notícias",
  newsOfYear: "Notícias de {year}",
  conference: "Conferência",
  session: "Sessão",
  speaker: "Orador",
  speakers: "Oradores",
  sessionAbstracts: "Outros resumos desta sessão",
  moreOnConferencePage: "E mais {count} na {link}página da conferência{/link}.",
  onlyAbstract: "Este é o único resumo de “{session}” no arquivo.",
  moreFromConference: "Mais desta conferência",
  allAbstractsOf: "Todos os resumos: {conference}",
};

/** The tables by primary language subtag: "es" serves "es-419" too, "pt" serves "pt-BR". */
export const wordTables: Readonly<Record<string, Words>> = { en: english, es: spanish, fr: french, pt: portuguese };

/** A table and the language it is in: `lang` marks the item's region of the page. */
export type WordsFor = Words & { lang: string };

const tables = new Map<string, WordsFor>();

/**
 * The words for an item in `lang`: its language's table (`lang` kept, "pt-BR" stays "pt-BR"), or,
 * for a language without one, the English table, marked as English: then only the item's own text
 * carries its language.
 */
export function wordsFor(lang: string): WordsFor {
  let found = tables.get(lang);
  if (!found) {
    const table = wordTables[lang.split("-")[0] as string];
    found = table ? { ...table, lang } : { ...english, lang: "en" };
    tables.set(lang, found);
  }
  return found;
}

/** One text with its placeholders filled: for text made outside templates (citations, figure captions). */
export function fillWords(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
