/*
 * Keyword search without LIKE. SQLite matches `name LIKE 'kw%'` (prefix) and `address LIKE '%kw%'`
 * (contains), ASCII case-insensitively. The document database has no such operator, so each
 * searchable document carries `searchTerms`: `p:<prefix>` for every prefix (≤ 20 characters, the
 * longest keyword the API accepts) of its prefix-searched texts, and `g:<gram>` for every one- and
 * two-character piece of its contains-searched texts. A keyword selects documents holding
 * `p:<keyword>` or `g:<one gram of the keyword>` (an indexed array match, a superset of the
 * answer), and each is then checked exactly, as SQLite does, before it counts.
 */

export const PREFIX_MAX = 20;

/** Lower-cases ASCII letters only, as SQLite's LIKE does. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

export function searchTerms(texts: { prefix: readonly string[]; contains: readonly string[] }): string[] {
  const terms = new Set<string>();
  for (const text of texts.prefix) {
    const folded = foldAscii(text);
    for (let length = 1; length <= Math.min(folded.length, PREFIX_MAX); length++) terms.add(`p:${folded.slice(0, length)}`);
  }
  for (const text of texts.contains) {
    const folded = foldAscii(text);
    for (let index = 0; index < folded.length; index++) {
      terms.add(`g:${folded[index]}`);
      if (index + 1 < folded.length) terms.add(`g:${folded.slice(index, index + 2)}`);
    }
  }
  return [...terms].sort();
}

/** The terms one of which a match must hold: its prefix term, and one gram of it. */
export function keywordTerms(keyword: string, kinds: { prefix: boolean; contains: boolean }): string[] {
  const folded = foldAscii(keyword);
  const terms: string[] = [];
  if (kinds.prefix) terms.push(`p:${folded.slice(0, PREFIX_MAX)}`);
  if (kinds.contains) {
    if (folded.length <= 2) terms.push(`g:${folded}`);
    else {
      // Any two-character piece of the keyword is in every text containing it; one without a
      // space is usually the rarer (addresses are full of "3 ").
      const grams = Array.from({ length: folded.length - 1 }, (_, index) => folded.slice(index, index + 2));
      terms.push(`g:${grams.find((gram) => !/\s/.test(gram)) ?? grams[0]}`);
    }
  }
  return terms;
}

export const startsWithFolded = (text: string, keyword: string): boolean => foldAscii(text).startsWith(foldAscii(keyword));
export const containsFolded = (text: string, keyword: string): boolean => foldAscii(text).includes(foldAscii(keyword));
