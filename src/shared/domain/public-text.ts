/** What a public text must not repeat about the resident behind a project. */
export interface PrivateFacts {
  name: string;
  phone: string;
  address: string;
  /** The resident's own words (the request's description). */
  words: string;
}

/** Consecutive characters of the resident's words that, repeated, count as quoting them. */
export const QUOTE_LENGTH = 8;

const compact = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Why a title or summary written for residents would expose the resident it came from, or null when
 * it does not: their name, phone or address, or a quote of their own words.
 */
export function privateEcho(publicText: string, facts: PrivateFacts): string | null {
  const text = compact(publicText);
  const name = compact(facts.name);
  if (name.length >= 2 && text.includes(name)) return '公开内容里不能出现居民的姓名';
  const phone = compact(facts.phone);
  if (phone.length >= 7 && text.includes(phone)) return '公开内容里不能出现居民的电话';
  const address = compact(facts.address);
  if (address.length >= 4 && text.includes(address)) return '公开内容里不能出现居民的住址';
  const words = compact(facts.words);
  for (let start = 0; start + QUOTE_LENGTH <= words.length; start++) {
    if (text.includes(words.slice(start, start + QUOTE_LENGTH))) return '公开内容不要照抄居民的原话，请用概括的说法';
  }
  return null;
}
