import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ConfirmSheet } from '../../../components/confirm-sheet';
import { ErrorText } from '../../../components/error-text';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { cancelRequest, fetchRequest } from '../../../services/requests';
import { ResidentActions, TaskActions, type Act } from './actions';
import { StaffActions } from './staff-actions';
import { RequestSummary } from './summary';
import { Timeline } from './timeline';
import { PageRoot } from '../../../components/page-root';

/** Why a resident cancels, kept on the request's record. */
const CANCEL_REASONS = ['问题已经解决了', '不需要了', '信息填错了，要重新求助', '其他原因'];

/** One request: what it is, where it stands, and what the person looking at it can do next. */
export default function RequestDetailPage() {
  const requestId = useRouter().params.id ?? '';
  const { data: request, error: loadError, setData } = useLoader(() => fetchRequest(requestId), [requestId]);
  const { busy, error, run } = useAction();
  const photo = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const act: Act = (work, success) => {
    photo.setError(null);
    return run(async () => {
      const updated = await work();
      if (updated) setData(updated);
      if (success) setNotice(success);
    });
  };

  if (!request) {
    return (
      <PageRoot>
        <ErrorText message={loadError} />
        {!loadError ? <View className='muted'>正在加载…</View> : null}
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      <RequestSummary request={request} />

      <ErrorText message={error ?? photo.error ?? loadError} />
      {notice ? (
        <View className='card' role='status' id='notice'>
          {notice}
        </View>
      ) : null}

      <TaskActions request={request} busy={busy} act={act} runPhoto={photo.run} setNotice={setNotice} />
      <ResidentActions request={request} busy={busy} act={act} />
      <StaffActions request={request} run={act} />

      {request.actions.cancel ? (
        <BigButton id='cancel-request' secondary disabled={busy} onClick={() => setConfirmCancel(true)}>
          取消求助
        </BigButton>
      ) : null}
      {confirmCancel ? (
        <ConfirmSheet
          id='cancel-confirm'
          title='确定取消这条求助吗？'
          message='取消后不会再派给党员，已接单的党员也会收到通知。取消后不能恢复，需要时请重新求助。'
          confirmLabel='确定取消'
          reasons={CANCEL_REASONS}
          busy={busy}
          onClose={() => setConfirmCancel(false)}
          onConfirm={(reason) => {
            setConfirmCancel(false);
            void act(() => cancelRequest(request.id, reason), '已取消这条求助');
          }}
        />
      ) : null}

      <Timeline entries={request.timeline} />
    </PageRoot>
  );
}
