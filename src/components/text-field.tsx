import { Input, View } from '@tarojs/components';
import { fieldLabel } from './a11y';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'digit';
}

export function TextField({ id, label, value, onChange, placeholder, maxlength, type }: TextFieldProps) {
  return (
    <View>
      <View className='subtitle'>{label}</View>
      <Input
        id={id}
        className='field'
        {...fieldLabel(label)}
        type={type ?? 'text'}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength ?? 50}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}
