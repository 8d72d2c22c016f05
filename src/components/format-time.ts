import dayjs from 'dayjs';

export function formatTime(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm');
}
