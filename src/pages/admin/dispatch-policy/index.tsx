import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchDispatchPolicy, updateDispatchPolicy } from '../../../services/requests';
import { PageRoot } from '../../../components/page-root';

/** How far each offer round reaches, how many members it asks, how long they have, and the open-task cap. */
export default function DispatchPolicyPage() {
  const { data, error } = useLoader(() => fetchDispatchPolicy(), []);
  const [form, setForm] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { error: actionError, run } = useAction();
  if (!data) return <PageRoot><ErrorText message={error} /></PageRoot>;

  const value = (key: string, fallback: string) => form[key] ?? fallback;
  const set = (key: string) => (next: string) => setForm((current) => ({ ...current, [key]: next }));
  const save = () =>
    run(async () => {
      const saved = await updateDispatchPolicy({
        ...data,
        radiusStepsM: value('radius', data.radiusStepsM.join('、')).split(/[，,、\s]+/).filter(Boolean).map(Number),
        batchSize: Number(value('batch', String(data.batchSize))),
        openTaskCap: Number(value('cap', String(data.openTaskCap))),
        offerTimeoutMinutes: { normal: Number(value('normal', String(data.offerTimeoutMinutes.normal))), urgent: Number(value('urgent', String(data.offerTimeoutMinutes.urgent))) },
      });
      setNotice(`已保存：每轮推送 ${saved.batchSize} 人，范围 ${saved.radiusStepsM.join(' / ')} 米`);
    });

  return (
    <PageRoot>
      <ErrorText message={actionError} />
      <TextField id='policy-radius' label='每轮推送范围（米，逐轮扩大）' value={value('radius', data.radiusStepsM.join('、'))} onChange={set('radius')} maxlength={40} />
      <TextField id='policy-batch' label='每轮推送人数' value={value('batch', String(data.batchSize))} onChange={set('batch')} type='number' maxlength={2} />
      <TextField id='policy-normal' label='一般求助等待接单（分钟）' value={value('normal', String(data.offerTimeoutMinutes.normal))} onChange={set('normal')} type='number' maxlength={4} />
      <TextField id='policy-urgent' label='紧急求助等待接单（分钟）' value={value('urgent', String(data.offerTimeoutMinutes.urgent))} onChange={set('urgent')} type='number' maxlength={4} />
      <TextField id='policy-cap' label='每名党员同时在办上限（件）' value={value('cap', String(data.openTaskCap))} onChange={set('cap')} type='number' maxlength={2} />
      {notice ? <View role='status'>{notice}</View> : null}
      <BigButton id='policy-save' onClick={save}>
        保存派单规则
      </BigButton>
    </PageRoot>
  );
}
