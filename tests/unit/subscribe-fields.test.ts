import fc from 'fast-check';
import {
  ELLIPSIS,
  FIELD_LIMITS,
  codePointLength,
  cutText,
  fieldKindOf,
  fieldValue,
  formatChinaDate,
  formatChinaTime,
  templateData,
  textFieldValue,
  type TextFieldKind,
} from '../../src/shared/domain/subscribe-fields';

/** 2026-11-02 09:00 in China. */
const T0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const TEXT_KINDS = Object.keys(FIELD_LIMITS) as TextFieldKind[];

/** Text mixing Han, astral characters (emoji, rare Han), ASCII, whitespace and anything else. */
const arbText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...Array.from('幸福里社区水管漏了请尽快上门维修😀𠀀𝒜 \n\tabcXYZ0123-_.…')), maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('field kinds come from the field name', () => {
  test.each([
    ['thing1', 'thing'],
    ['thing12', 'thing'],
    ['phrase3', 'phrase'],
    ['character_string2', 'character_string'],
    ['name4', 'name'],
    ['time3', 'time'],
    ['date5', 'date'],
    ['number6', 'number'],
    ['letter7', 'letter'],
  ])('%s is %s', (name, kind) => expect(fieldKindOf(name)).toBe(kind));

  test.each(['thing', 'amount1', 'Thing1', 'thing1a', '1thing', ''])('%s is not a field this app fills', (name) => expect(fieldKindOf(name)).toBeNull());
});

describe('cutText', () => {
  test('cuts inside the limit with an ellipsis, counting code points', () => {
    expect(cutText('一二三四五六七八九十一二三四五六七八九十', 20)).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(cutText('一二三四五六七八九十一二三四五六七八九十多', 20)).toBe(`一二三四五六七八九十一二三四五六七八九${ELLIPSIS}`);
    // Each emoji is one character (two UTF-16 units) and is never split.
    expect(cutText('😀😀😀😀😀😀', 5)).toBe(`😀😀😀😀${ELLIPSIS}`);
    expect(cutText('abcdef', 3, false)).toBe('abc');
    expect(cutText('ab cdef', 4)).toBe(`ab${ELLIPSIS}`);
  });

  test('property: always within the limit', () => {
    fc.assert(
      fc.property(arbText, fc.integer({ min: 0, max: 40 }), fc.boolean(), (text, max, ellipsis) => {
        expect(codePointLength(cutText(text, max, ellipsis))).toBeLessThanOrEqual(max);
      }),
    );
  });

  test('property: text already within the limit is unchanged', () => {
    fc.assert(
      fc.property(arbText, fc.integer({ min: 0, max: 40 }), fc.boolean(), (text, extra, ellipsis) => {
        const max = codePointLength(text) + extra;
        expect(cutText(text, max, ellipsis)).toBe(text);
      }),
    );
  });

  test('property: what is kept is a whole-code-point prefix of the text', () => {
    fc.assert(
      fc.property(arbText, fc.integer({ min: 1, max: 40 }), fc.boolean(), (text, max, ellipsis) => {
        const cut = cutText(text, max, ellipsis);
        const kept = Array.from(cut.endsWith(ELLIPSIS) && cut !== text ? cut.slice(0, -ELLIPSIS.length) : cut);
        expect(kept).toEqual(Array.from(text).slice(0, kept.length));
      }),
    );
  });
});

describe('textFieldValue: within the platform limits, never empty', () => {
  test('thing: whitespace folded, cut to 20 with an ellipsis', () => {
    expect(textFieldValue('thing', '  水管\n漏了\t请尽快  ')).toBe('水管 漏了 请尽快');
    const value = textFieldValue('thing', '您的诉求“三栋二单元楼道灯不亮很久了”已被党员王建国接单');
    expect(value).toBe(`您的诉求“三栋二单元楼道灯不亮很久了”${ELLIPSIS}`);
    expect(codePointLength(value)).toBe(20);
    expect(textFieldValue('thing', '   ')).toBe('无');
  });

  test('phrase: Han characters only, at most 5, no ellipsis (WeChat takes nothing but Han there)', () => {
    expect(textFieldValue('phrase', '已接单')).toBe('已接单');
    expect(textFieldValue('phrase', '处理中 (2/3)！请等待')).toBe('处理中请等');
    expect(textFieldValue('phrase', 'OK!')).toBe('无');
  });

  test('character_string: visible ASCII only, at most 32, no ellipsis', () => {
    expect(textFieldValue('character_string', '单号 r_20261102-0001')).toBe('r_20261102-0001');
    expect(textFieldValue('character_string', 'x'.repeat(40))).toBe('x'.repeat(32));
    expect(textFieldValue('character_string', '中文')).toBe('-');
  });

  test('name: at most 10, cut with an ellipsis', () => {
    expect(textFieldValue('name', '王建国')).toBe('王建国');
    expect(textFieldValue('name', '幸福里社区第一网格党支部书记')).toBe(`幸福里社区第一网格${ELLIPSIS}`);
  });

  test('number: the first number, at most 32 digits; letter: ASCII letters, at most 32', () => {
    expect(textFieldValue('number', '获得 15 积分')).toBe('15');
    expect(textFieldValue('number', '余额 12.50 分')).toBe('12.50');
    expect(textFieldValue('number', '9'.repeat(40))).toBe('9'.repeat(32));
    expect(textFieldValue('number', '没有数字')).toBe('0');
    expect(textFieldValue('letter', 'Level A+ 优秀')).toBe('LevelA');
  });

  test('property: every kind stays within its limit, is never empty and keeps to its character set', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEXT_KINDS), arbText, (kind, text) => {
        const value = textFieldValue(kind, text);
        expect(value.length).toBeGreaterThan(0);
        expect(codePointLength(value)).toBeLessThanOrEqual(FIELD_LIMITS[kind]);
        if (kind === 'phrase') expect(value).toMatch(/^\p{Script=Han}+$/u);
        if (kind === 'character_string') expect(value).toMatch(/^[\x21-\x7e]+$/);
        if (kind === 'letter') expect(value).toMatch(/^[A-Za-z]+$/);
        if (kind === 'number') {
          expect(value).toMatch(/^\d+(\.\d+)?$/);
          expect(value.replace('.', '').length).toBeLessThanOrEqual(32);
        }
      }),
    );
  });

  test('property: text already fitting a thing field is sent as it is', () => {
    const arbFitting = fc.string({ unit: fc.constantFrom(...Array.from('幸福里社区水管漏了😀𠀀abc0123')), minLength: 1, maxLength: 20 });
    fc.assert(fc.property(arbFitting, (text) => expect(textFieldValue('thing', text)).toBe(text)));
  });
});

describe('time and date fields, in China time', () => {
  test("'YYYY年M月D日 HH:mm', no leading zero on month and day, 24-hour clock", () => {
    expect(formatChinaTime(T0)).toBe('2026年11月2日 09:00');
    expect(formatChinaTime(Date.UTC(2026, 11, 31, 16, 5))).toBe('2027年1月1日 00:05');
    expect(formatChinaTime(Date.UTC(2026, 5, 30, 15, 59))).toBe('2026年6月30日 23:59');
    expect(formatChinaDate(Date.UTC(2026, 11, 31, 16, 5))).toBe('2027年1月1日');
  });

  test('property: any moment formats as a valid time field', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2100, 0, 1) }), (at) => {
        expect(formatChinaTime(at)).toMatch(/^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日 ([01]\d|2[0-3]):[0-5]\d$/);
      }),
    );
  });
});

describe('templateData fills a template from a message', () => {
  const message = { title: '您的诉求已被接单，党员王建国将尽快上门处理', body: '楼道灯不亮', createdAt: T0 };

  test('each field from its source, cut by its kind', () => {
    expect(templateData({ thing1: 'title', thing2: 'body', time3: 'createdAt', phrase4: 'title', character_string5: 'body' }, message)).toEqual({
      thing1: { value: `您的诉求已被接单，党员王建国将尽快上门${ELLIPSIS}` },
      thing2: { value: '楼道灯不亮' },
      time3: { value: '2026年11月2日 09:00' },
      phrase4: { value: '您的诉求已' },
      character_string5: { value: '-' },
    });
  });

  test('a time source in a text field is the formatted time; time fields always show the message time', () => {
    expect(fieldValue('thing9', 'createdAt', message)).toBe('2026年11月2日 09:00');
    expect(fieldValue('date2', 'createdAt', message)).toBe('2026年11月2日');
  });
});
