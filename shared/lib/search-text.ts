/**
 * Text normalisation for the register's full-text search. Ukrainian names are typed with several apostrophes
 * (ʼ U+02BC, ' U+0027, ’ U+2019, ‘ U+2018, ` U+0060, ′ U+2032): all become one, so «Мʼякий» finds «М'який».
 */
const APOSTROPHES = /[\u02BC\u0027\u2019\u2018\u0060\u2032\u02B9\u00B4]/g;

/** Composes letters (NFC), lowercases, unifies apostrophes and collapses white space. */
export function normalizeForSearch(text: string): string {
  // NFC first: «й» or «ї» pasted from a PDF may arrive as a letter plus a combining mark.
  return text.normalize('NFC').toLocaleLowerCase('uk-UA').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim();
}

/** Splits a search query into normalised words; empty when the query is blank. */
export function searchTokens(query: string): string[] {
  const normalized = normalizeForSearch(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/** True when every token occurs in the (already normalised) haystack. */
export function matchesTokens(haystack: string, tokens: readonly string[]): boolean {
  for (const token of tokens) {
    if (!haystack.includes(token)) return false;
  }
  return true;
}
