import type { TemplateSource } from './subscribe-templates';

/**
 * Subscribe-message field values as WeChat accepts them. A template field's name is its kind plus a
 * number (`thing1`, `time3`, `character_string2`); each kind has its own limit, and a value over it
 * makes `subscribeMessage.send` fail with 47003, so every value is cut to fit here first.
 * Characters are counted as code points (an emoji or a rare Han character is one character).
 */
export const FIELD_KINDS = ['thing', 'phrase', 'character_string', 'name', 'time', 'date', 'number', 'letter'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Kinds whose value is text cut to a length (time and date are formatted instead). */
export type TextFieldKind = Exclude<FieldKind, 'time' | 'date'>;

export const FIELD_LIMITS: Readonly<Record<TextFieldKind, number>> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  name: 10,
  number: 32,
  letter: 32,
};

export const ELLIPSIS = '…';

/** What an empty value becomes (WeChat refuses an empty field), per kind. */
const EMPTY: Readonly<Record<TextFieldKind, string>> = {
  thing: '无',
  phrase: '无',
  character_string: '-',
  name: '无',
  number: '0',
  letter: 'N',
};

const FIELD_NAME = /^([a-z_]+?)(\d+)$/;

/** `thing1` → 'thing'; null for a name WeChat does not use (or a kind this module does not fill). */
export function fieldKindOf(fieldName: string): FieldKind | null {
  const match = FIELD_NAME.exec(fieldName);
  if (!match) return null;
  const kind = match[1];
  return (FIELD_KINDS as readonly string[]).includes(kind) ? (kind as FieldKind) : null;
}

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/**
 * At most `max` code points. Text already within is returned as it is; longer text keeps its start
 * and, when `ellipsis` is on, ends with '…' (counted inside the limit). Never splits a code point.
 */
export function cutText(text: string, max: number, ellipsis = true): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  if (max <= 0) return '';
  if (!ellipsis) return points.slice(0, max).join('');
  return points.slice(0, max - 1).join('').trimEnd() + ELLIPSIS;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad2 = (value: number) => String(value).padStart(2, '0');

function chinaParts(at: number) {
  const shifted = new Date(at + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: pad2(shifted.getUTCHours()),
    minutes: pad2(shifted.getUTCMinutes()),
  };
}

/** 'YYYY年M月D日 HH:mm' in China time (UTC+8, no daylight saving), as `time` fields take it. */
export function formatChinaTime(at: number): string {
  const { year, month, day, hours, minutes } = chinaParts(at);
  return `${year}年${month}月${day}日 ${hours}:${minutes}`;
}

/** 'YYYY年M月D日' in China time, as `date` fields take it. */
export function formatChinaDate(at: number): string {
  const { year, month, day } = chinaParts(at);
  return `${year}年${month}月${day}日`;
}

const HAN = /\p{Script=Han}/u;
const VISIBLE_ASCII = /^[\x21-\x7e]$/;
const LETTER = /^[A-Za-z]$/;
const NUMBER = /\d+(?:\.\d+)?/;

function keep(text: string, allowed: RegExp): string {
  return Array.from(text)
    .filter((point) => allowed.test(point))
    .join('');
}

function numberValue(text: string): string {
  const found = NUMBER.exec(text)?.[0] ?? '';
  // 32 digits at most; a cut that leaves a trailing decimal point drops it.
  const digits = Array.from(found);
  let cut = '';
  let count = 0;
  for (const point of digits) {
    if (point !== '.') {
      if (count === FIELD_LIMITS.number) break;
      count++;
    }
    cut += point;
  }
  return cut.replace(/\.$/, '');
}

/**
 * A text field's value from any text, within its kind's limit and never empty:
 * - thing, name: whitespace folded to single spaces, cut with '…';
 * - phrase: Han characters only (WeChat takes nothing else there), cut without '…' (not a Han character);
 * - character_string: visible ASCII only, cut without '…' (not ASCII);
 * - number: the first number in the text, at most 32 digits; letter: ASCII letters only, at most 32.
 */
export function textFieldValue(kind: TextFieldKind, raw: string): string {
  const folded = raw.replace(/\s+/g, ' ').trim();
  let value: string;
  switch (kind) {
    case 'thing':
    case 'name':
      value = cutText(folded, FIELD_LIMITS[kind]);
      break;
    case 'phrase':
      value = cutText(keep(folded, HAN), FIELD_LIMITS.phrase, false);
      break;
    case 'character_string':
      value = cutText(keep(folded, VISIBLE_ASCII), FIELD_LIMITS.character_string, false);
      break;
    case 'letter':
      value = cutText(keep(folded, LETTER), FIELD_LIMITS.letter, false);
      break;
    case 'number':
      value = numberValue(folded);
      break;
  }
  return value === '' ? EMPTY[kind] : value;
}

/** What a message offers to fill a template with. */
export interface FieldSources {
  title: string;
  body: string;
  createdAt: number;
}

/**
 * One field's value: `time` and `date` fields always show the message's time (the only time it
 * carries); text fields take their source (a time source as 'YYYY年M月D日 HH:mm' text) cut to fit.
 * Field names of an unknown kind are filled as `thing`, the most permissive limit that is safe.
 */
export function fieldValue(fieldName: string, source: TemplateSource, message: FieldSources): string {
  const kind = fieldKindOf(fieldName) ?? 'thing';
  if (kind === 'time') return formatChinaTime(message.createdAt);
  if (kind === 'date') return formatChinaDate(message.createdAt);
  const raw = source === 'createdAt' ? formatChinaTime(message.createdAt) : message[source];
  return textFieldValue(kind, raw);
}

/** The `data` of `subscribeMessage.send`: `{ thing1: { value }, time3: { value } }`. */
export function templateData(fields: Readonly<Record<string, TemplateSource>>, message: FieldSources): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [name, source] of Object.entries(fields)) data[name] = { value: fieldValue(name, source, message) };
  return data;
}
