import { Text, View } from '@tarojs/components';

export interface ChipOption {
  value: string;
  label: string;
}

export interface ChipSelectProps {
  label: string;
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  multiple?: boolean;
  idPrefix?: string;
}

/** Large tappable choices instead of small pickers: easier for elderly users and for screen readers. */
export function ChipSelect({ label, options, selected, onChange, multiple, idPrefix }: ChipSelectProps) {
  const toggle = (value: string) => {
    if (!multiple) return onChange([value]);
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  };
  return (
    <View className='row' role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
      {options.map((option) => (
        <View
          key={option.value}
          id={idPrefix ? `${idPrefix}-${option.value}` : undefined}
          className={`choice ${selected.includes(option.value) ? 'selected' : ''}`}
          role={multiple ? 'checkbox' : 'radio'}
          aria-checked={selected.includes(option.value)}
          onClick={() => toggle(option.value)}
        >
          <Text className='choice-label'>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}
