import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import dayjs from 'dayjs';
import { useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchBuildings } from '../../../services/community';
import { createDeliberation } from '../../../services/deliberations';
import { PageRoot } from '../../../components/page-root';

/** Community time is China time: a date typed here is +08:00. */
const chinaInstant = (date: string, time: string) => `${date}T${time}:00+08:00`;

/** 五步议事 · 制定方案: the admin drafts a proposal, who votes, the options, the window and the quorum. */
export default function NewDeliberationPage() {
  const { data: buildings, error: loadError } = useLoader(fetchBuildings, []);
  const [title, setTitle] = useState('');
  const [proposal, setProposal] = useState('');
  const [buildingIds, setBuildingIds] = useState<string[]>([]);
  const [options, setOptions] = useState('同意、反对、弃权');
  const [startDate, setStartDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [endDate, setEndDate] = useState(dayjs().add(7, 'day').format('YYYY-MM-DD'));
  const [quorum, setQuorum] = useState('50');
  const { busy, error, run } = useAction();

  const save = () =>
    run(async () => {
      const created = await createDeliberation({
        title,
        proposal,
        buildingIds,
        options: options.split(/[、,，\s]+/).filter(Boolean),
        voteStartsAt: chinaInstant(startDate, '00:00'),
        voteEndsAt: chinaInstant(endDate, '23:59'),
        quorumPercent: Number(quorum),
      });
      await Taro.redirectTo({ url: `/pages/public/deliberation/index?id=${created.id}` });
    });

  return (
    <PageRoot>
      <View className='muted'>第一步 制定方案：写清议题和方案，选好参加表决的楼栋。保存后还可以检查，再发布公告。</View>
      <TextField id='deliberation-title' label='议题' value={title} onChange={setTitle} maxlength={40} placeholder='例如：是否在 3 栋加装电梯' />
      <View className='subtitle'>方案</View>
      <Textarea id='deliberation-proposal' className='field textarea' {...fieldLabel('方案')} value={proposal} maxlength={1000} onInput={(event) => setProposal(event.detail.value)} />
      <View className='subtitle'>参加表决的楼栋（不选即全体居民）</View>
      <ErrorText message={loadError} />
      <ChipSelect
        label='参加表决的楼栋'
        idPrefix='deliberation-building'
        multiple
        options={(buildings?.items ?? []).map((building) => ({ value: building.id, label: building.name }))}
        selected={buildingIds}
        onChange={setBuildingIds}
      />
      <TextField id='deliberation-options' label='表决选项（用顿号分开）' value={options} onChange={setOptions} maxlength={120} />
      <TextField id='deliberation-start' label='投票开始日期' value={startDate} onChange={setStartDate} maxlength={10} placeholder='2026-12-01' />
      <TextField id='deliberation-end' label='投票截止日期（当天 23:59 截止）' value={endDate} onChange={setEndDate} maxlength={10} placeholder='2026-12-07' />
      <TextField id='deliberation-quorum' label='参与率要求（%）' type='number' value={quorum} onChange={setQuorum} maxlength={3} />
      <ErrorText message={error} />
      <BigButton id='deliberation-save' disabled={busy} onClick={() => void save()}>
        保存方案
      </BigButton>
    </PageRoot>
  );
}
