import { View } from '@tarojs/components';
import { parsePeriod, periodOf, previousPeriod, type Period } from '../shared/domain/periods';
import { ChipSelect, type ChipOption } from './chip-select';

export type PeriodKind = Period['kind'];

/** The month (`2026-11`) or quarter (`2026-Q4`) of today, China time. */
export function currentPeriodKey(kind: PeriodKind = 'month'): string {
  return periodOf(kind, Date.now()).key;
}

export function periodLabel(key: string): string {
  return parsePeriod(key)?.label ?? key;
}

export interface PeriodPickerProps {
  idPrefix: string;
  /** A period key, or null for 全部 (only with `allowAll`). */
  value: string | null;
  onChange: (value: string | null) => void;
  kinds?: readonly PeriodKind[];
  allowAll?: boolean;
}

/**
 * Lets a keyboard reach and press a View acting as a button (H5; WeChat ignores both). Taro's View
 * types do not list tabIndex or onKeyDown, hence the spread.
 */
function keyboardButton(press: () => void) {
  return {
    tabIndex: 0,
    onKeyDown: (event: { key: string; preventDefault(): void }) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      press();
    },
  };
}

const KIND_LABELS: Record<PeriodKind, { chip: string; previous: string; next: string }> = {
  month: { chip: '按月', previous: '上个月', next: '下个月' },
  quarter: { chip: '按季度', previous: '上季度', next: '下季度' },
};

/** Month or quarter, stepped with big ‹ › buttons rather than a small wheel picker; never past the current period. */
export function PeriodPicker({ idPrefix, value, onChange, kinds = ['month', 'quarter'], allowAll }: PeriodPickerProps) {
  const period = value ? parsePeriod(value) : null;
  const kind: PeriodKind = period?.kind ?? kinds[0];
  const options: ChipOption[] = [...(kinds.length > 1 ? kinds.map((item) => ({ value: item, label: KIND_LABELS[item].chip })) : []), ...(allowAll ? [{ value: 'all', label: '全部' }] : [])];
  if (allowAll && kinds.length === 1) options.unshift({ value: kinds[0], label: kinds[0] === 'month' ? '按月' : '按季度' });

  const choose = (next: string) => {
    if (next === 'all') return onChange(null);
    const nextKind = next as PeriodKind;
    onChange(period ? periodOf(nextKind, period.start).key : currentPeriodKey(nextKind));
  };
  const latest = periodOf(kind, Date.now());
  const canGoNext = period !== null && period.end <= latest.start;
  const goPrevious = () => period && onChange(previousPeriod(period).key);
  const goNext = () => period && canGoNext && onChange(periodOf(kind, period.end).key);

  return (
    <View className='period-picker'>
      {options.length > 1 ? <ChipSelect label='统计周期' idPrefix={`${idPrefix}-kind`} options={options} selected={[period ? kind : 'all']} onChange={(selected) => choose(selected[0])} /> : null}
      {period ? (
        <View className='row' style={{ alignItems: 'center', flexWrap: 'nowrap', marginTop: '12px' }}>
          <View
            id={`${idPrefix}-prev`}
            className='choice'
            style={{ flex: 1, minWidth: 0, alignItems: 'center' }}
            role='button'
            aria-label={KIND_LABELS[kind].previous}
            {...keyboardButton(goPrevious)}
            onClick={goPrevious}
          >
            ‹ {KIND_LABELS[kind].previous}
          </View>
          <View id={`${idPrefix}-label`} className='subtitle' role='status' style={{ flex: 1.3, minWidth: 0, textAlign: 'center' }}>
            {period.label}
          </View>
          <View
            id={`${idPrefix}-next`}
            className={`choice ${canGoNext ? '' : 'disabled'}`}
            style={{ flex: 1, minWidth: 0, alignItems: 'center', opacity: canGoNext ? 1 : 0.45 }}
            role='button'
            aria-label={KIND_LABELS[kind].next}
            aria-disabled={!canGoNext}
            {...keyboardButton(goNext)}
            onClick={goNext}
          >
            {KIND_LABELS[kind].next} ›
          </View>
        </View>
      ) : (
        <View className='muted' id={`${idPrefix}-label`}>
          全部时间
        </View>
      )}
    </View>
  );
}
