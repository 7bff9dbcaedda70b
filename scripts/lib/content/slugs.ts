import slugify from "@sindresorhus/slugify";
import { maxSlugLength, slugPattern } from "./schema.ts";

/**
 * The URL slug of a content file comes from its file name, never from its title, so editing a
 * headline never breaks a link. Accents are transliterated and Unicode is normalised, so
 * "Núñez" (NFC or NFD) and "nunez" give the same slug, which the build reports as a clash.
 */
export function slugFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.md$/i, "").normalize("NFC");
  return slugify(stem, { decamelize: false });
}

export function isValidSlug(slug: string): boolean {
  return slugPattern.test(slug);
}

/** Slug for a name or label that is not a file name (speakers, sessions), at most `max` characters, cut at a hyphen. */
export function slugifyText(text: string, max = maxSlugLength): string {
  const slug = slugify(text.normalize("NFC"), { decamelize: false });
  if (slug.length <= max) return slug;
  // Cut at the last hyphen that keeps it within `max`; a slug without one is cut where it must be.
  const hyphen = slug.lastIndexOf("-", max);
  return hyphen > 0 ? slug.slice(0, hyphen) : slug.slice(0, max);
}
