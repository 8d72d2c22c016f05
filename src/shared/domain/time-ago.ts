/** How long ago, in words a resident reads at a glance: 刚刚, 25 分钟前, 3 小时前, 2 天前. */
export function timeAgoLabel(minutes: number): string {
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${Math.floor(minutes)} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return `${Math.floor(minutes / (24 * 60))} 天前`;
}
