const megabyteFormats = new Map<string, Intl.NumberFormat>();

/**
 * "1.2 MB", "830 kB": decimal units, as hosts and browsers report transfer sizes; `lang` writes the
 * decimal mark ("1,2 MB" in "es").
 */
export function formatBytes(bytes: number, lang = "en"): string {
  if (bytes >= 1e6) {
    let format = megabyteFormats.get(lang);
    if (!format) {
      format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
      megabyteFormats.set(lang, format);
    }
    return `${format.format(bytes / 1e6)} MB`;
  }
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/** "412 ms", "3.20 s" */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** "3 abstracts", "1 abstract" */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
