import dayjs from 'dayjs';

export function formatTime(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm');
}

/** With the year, for records that go back further than this year (我的信息). */
export function formatFullTime(iso: string): string {
  return dayjs(iso).format('YYYY年M月D日 HH:mm');
}
