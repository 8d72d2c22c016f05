import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../hooks/use-action';
import { rejectHeldRequest, releaseHeldRequest } from '../services/requests';
import type { TRequestDetail } from '../shared/contracts/requests';
import { fieldLabel } from './a11y';
import { BigButton } from './big-button';
import { ErrorText } from './error-text';

export interface HeldReviewProps {
  requestId: string;
  /** The request after the decision (dispatching, on the wish board, or cancelled). */
  onDone: (updated: TRequestDetail, message: string) => void;
}

/**
 * 通过 / 驳回 for a request the content check held for a person to read. 通过 sends it out at once;
 * 驳回 asks for the reason the resident will read. If another admin decided first, the error says so.
 */
export function HeldReview({ requestId, onDone }: HeldReviewProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();

  const release = () => run(async () => onDone(await releaseHeldRequest(requestId), '已通过，正在派单'));
  const reject = () => run(async () => onDone(await rejectHeldRequest(requestId, reason), '已驳回，居民会看到驳回原因'));

  return (
    <View className='held-review'>
      <ErrorText message={error} />
      <BigButton id={`release-held-${requestId}`} disabled={busy} onClick={() => void release()}>
        通过（立即派单）
      </BigButton>
      {rejecting ? (
        <View>
          <View className='subtitle'>驳回原因（居民会看到）</View>
          <Textarea
            id={`reject-reason-${requestId}`}
            className='field textarea'
            {...fieldLabel('驳回原因')}
            value={reason}
            maxlength={200}
            placeholder='例如：内容不属于求助范围，请到社区当面反映'
            onInput={(event) => setReason(event.detail.value)}
          />
          <BigButton id={`reject-held-${requestId}`} secondary disabled={busy} onClick={() => void reject()}>
            确认驳回
          </BigButton>
        </View>
      ) : (
        <BigButton id={`open-reject-${requestId}`} secondary disabled={busy} onClick={() => setRejecting(true)}>
          驳回
        </BigButton>
      )}
    </View>
  );
}
