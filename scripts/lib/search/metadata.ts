/**
 * Text an article page gives Pagefind as metadata rather than as its text (src/pages/abstract.njk):
 * searched, but never in an excerpt, which is the article's own text.
 */
import type { AbstractItem } from "../content/load.ts";

/**
 * What an abstract's facts say besides its title, conference and speakers' names (metadata of their
 * own): its session, the conference's city and country, and the speakers' roles and organisations.
 * "Special Interest Group Session. Tbilisi. Georgia. Attorney General. Public Prosecution Service".
 */
export function abstractAbout(item: AbstractItem): string {
  const { conference, session, speakers } = item;
  return [
    session,
    conference.city,
    conference.country,
    ...speakers.flatMap((speaker) => [speaker.role, speaker.organisation]),
  ]
    .filter((part): part is string => Boolean(part))
    .join(". ");
}
