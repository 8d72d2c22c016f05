import { View } from '@tarojs/components';

export interface QtyStepperProps {
  id: string;
  value: number;
  max: number | null;
  onChange: (value: number) => void;
}

/** − n + with big targets; never below 0 nor above `max` (null: no limit). */
export function QtyStepper({ id, value, max, onChange }: QtyStepperProps) {
  const canAdd = max === null || value < max;
  return (
    <View className='row' style={{ alignItems: 'center', gap: '16px' }}>
      <View id={`${id}-minus`} className='choice' role='button' aria-label='减少' onClick={() => value > 0 && onChange(value - 1)}>
        −
      </View>
      <View className='subtitle' id={`${id}-qty`} style={{ minWidth: '48px', textAlign: 'center' }}>
        {value}
      </View>
      <View id={`${id}-plus`} className={`choice ${canAdd ? '' : 'disabled'}`} role='button' aria-label='增加' onClick={() => canAdd && onChange(value + 1)}>
        ＋
      </View>
    </View>
  );
}
