import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from './big-button';
import { ChipSelect } from './chip-select';

export interface ConfirmSheetProps {
  id: string;
  title: string;
  /** What happens, in words a resident understands (e.g. 取消后党员不会再上门). */
  message: string;
  confirmLabel: string;
  /** Reasons to choose from, kept on the record; leave out when none is needed. */
  reasons?: readonly string[];
  busy?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A confirmation before something that cannot be undone, shown over the page, with an optional reason for the record. */
export function ConfirmSheet({ id, title, message, confirmLabel, reasons, busy, onConfirm, onClose }: ConfirmSheetProps) {
  const [reason, setReason] = useState('');
  return (
    <View className='sheet-mask'>
      <View id={id} className='sheet' role='dialog' aria-modal='true' aria-label={title}>
        <View className='title'>{title}</View>
        <View>{message}</View>
        {reasons && reasons.length > 0 ? (
          <ChipSelect label='原因' options={reasons.map((item) => ({ value: item, label: item }))} selected={reason ? [reason] : []} onChange={(next) => setReason(next[0] ?? '')} />
        ) : null}
        <BigButton id={`${id}-confirm`} disabled={busy || (reasons !== undefined && reasons.length > 0 && reason === '')} onClick={() => onConfirm(reason)}>
          {confirmLabel}
        </BigButton>
        <BigButton id={`${id}-close`} secondary onClick={onClose}>
          再想想
        </BigButton>
      </View>
    </View>
  );
}
