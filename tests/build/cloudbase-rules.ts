/**
 * What CloudBase accepts in cloudbaserc.json, as the CLI and the platform state it, for the build
 * tests: the Node runtimes the CloudBase CLI 2.12.10 lists (`SUPPORTED_NODEJS_RUNTIMES` in its
 * bundle) and the timer trigger's cron: seven fields, "second minute hour day month weekday year".
 */
export const SUPPORTED_NODEJS_RUNTIMES = ['Nodejs18.15', 'Nodejs16.13', 'Nodejs14.18', 'Nodejs12.16', 'Nodejs10.15', 'Nodejs8.9'] as const;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Where the first name counts from (JAN = 1, SUN = 0). */
  namesFrom?: number;
}

const FIELDS: readonly FieldRule[] = [
  { name: '秒', min: 0, max: 59 },
  { name: '分钟', min: 0, max: 59 },
  { name: '小时', min: 0, max: 23 },
  { name: '日', min: 1, max: 31 },
  { name: '月', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: '星期', min: 0, max: 6, names: WEEKDAYS, namesFrom: 0 },
  { name: '年', min: 1970, max: 2099 },
];

function valueOf(text: string, rule: FieldRule): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const index = rule.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + (rule.namesFrom ?? 0) : null;
}

function partProblem(part: string, rule: FieldRule): string | null {
  const [range, step, extra] = part.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `${rule.name}字段的步长“${part}”不对`;
  if (range === '*') return null;
  const bounds = range.split('-');
  if (bounds.length > 2) return `${rule.name}字段“${part}”不对`;
  for (const bound of bounds) {
    const value = valueOf(bound, rule);
    if (value === null || value < rule.min || value > rule.max) return `${rule.name}字段的“${bound}”超出 ${rule.min}–${rule.max}`;
  }
  if (bounds.length === 2 && (valueOf(bounds[0], rule) as number) > (valueOf(bounds[1], rule) as number)) return `${rule.name}字段的范围“${range}”倒过来了`;
  return null;
}

/** What is wrong with a timer trigger's cron, in Chinese, or null when it is valid. */
export function cronProblem(config: string): string | null {
  const fields = config.trim().split(/\s+/);
  if (fields.length !== 7) return `定时触发器需要 7 个字段（秒 分 时 日 月 星期 年），这里有 ${fields.length} 个`;
  for (const [index, field] of fields.entries()) {
    for (const part of field.split(',')) {
      const problem = partProblem(part, FIELDS[index]);
      if (problem) return problem;
    }
  }
  // The platform refuses a day of the month and a weekday both restricted.
  if (fields[3] !== '*' && fields[5] !== '*') return '日和星期不能同时指定，其中一个应为 *';
  return null;
}
