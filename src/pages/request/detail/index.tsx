import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { cancelRequest, fetchRequest } from '../../../services/requests';
import { ResidentActions, TaskActions, type Act } from './actions';
import { StaffActions } from './staff-actions';
import { RequestSummary } from './summary';
import { Timeline } from './timeline';
import { PageRoot } from '../../../components/page-root';

/** One request: what it is, where it stands, and what the person looking at it can do next. */
export default function RequestDetailPage() {
  const requestId = useRouter().params.id ?? '';
  const { data: request, error: loadError, setData } = useLoader(() => fetchRequest(requestId), [requestId]);
  const { busy, error, run } = useAction();
  const photo = useAction();
  const [notice, setNotice] = useState<string | null>(null);

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
        <BigButton id='cancel-request' secondary disabled={busy} onClick={() => act(() => cancelRequest(request.id), '已取消这条求助')}>
          取消求助
        </BigButton>
      ) : null}

      <Timeline entries={request.timeline} />
    </PageRoot>
  );
}
