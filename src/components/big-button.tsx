import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface BigButtonProps {
  children: ReactNode;
  onClick: () => void;
  secondary?: boolean;
  disabled?: boolean;
  id?: string;
}

/** A full-width tap target of at least 55 px, readable by elderly residents. */
export function BigButton({ children, onClick, secondary, disabled, id }: BigButtonProps) {
  const className = ['big-button', secondary ? 'secondary' : '', disabled ? 'disabled' : ''].filter(Boolean).join(' ');
  return (
    <View id={id} className={className} role='button' aria-disabled={disabled} onClick={disabled ? undefined : onClick}>
      {children}
    </View>
  );
}
