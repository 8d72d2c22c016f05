import { isAvailable, periodAt } from '../../src/shared/domain/availability';

const china = (iso: string) => Date.parse(`${iso}+08:00`);

test.each([
  ['2026-11-02T09:00:00', 'weekday_day'], // Monday morning
  ['2026-11-02T17:59:00', 'weekday_day'],
  ['2026-11-02T18:00:00', 'weekday_evening'],
  ['2026-11-03T06:59:00', 'weekday_evening'], // Tuesday before dawn belongs to Monday night
  ['2026-11-07T10:00:00', 'weekend_day'], // Saturday
  ['2026-11-07T02:00:00', 'weekday_evening'], // Friday night, after midnight
  ['2026-11-08T23:00:00', 'weekend_evening'], // Sunday night
  ['2026-11-09T03:00:00', 'weekend_evening'], // Monday before dawn is still Sunday night
])('%s China time is %s', (iso, period) => {
  expect(periodAt(china(iso))).toBe(period);
});

test('availability: listed periods, no list means always, urgent overrides', () => {
  expect(isAvailable(['weekend_day'], 'weekday_day', false)).toBe(false);
  expect(isAvailable(['weekend_day', 'weekday_day'], 'weekday_day', false)).toBe(true);
  expect(isAvailable([], 'weekday_evening', false)).toBe(true);
  expect(isAvailable(['weekend_day'], 'weekday_day', true)).toBe(true);
});
