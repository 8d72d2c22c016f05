import { Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe } from '../../../services/community';
import { announceDeliberation, commentDeliberation, decideDeliberation, fetchDeliberation, publishDeliberation, voteDeliberation } from '../../../services/deliberations';
import type { TDeliberationView } from '../../../shared/contracts/deliberations';
import { DELIBERATION_STEPS } from '../../../shared/domain/deliberation-rules';
import { PageRoot } from '../../../components/page-root';

/** One deliberation through the five steps: the notice, discussion and the vote, the decision, the published tally. */
export default function DeliberationPage() {
  const { id = '' } = useRouter().params;
  const { data, error, reload } = useLoader(() => fetchDeliberation(id), [id]);
  const { data: me } = useLoader(fetchMe, []);
  const admin = me?.roles.includes('admin') ?? false;
  const { busy, error: actionError, run } = useAction();
  const act = (work: () => Promise<unknown>) => run(async () => {
    await work();
    await reload();
  });

  if (!data) return <PageRoot><ErrorText message={error} /></PageRoot>;
  return (
    <PageRoot>
      <View className='title' id='deliberation-title'>{data.title}</View>
      <StepBar step={data.step} />
      <View className='card'>
        <View className='subtitle'>方案</View>
        <View>{data.proposal}</View>
        <View className='muted'>表决范围：{data.scope}</View>
        <View className='muted'>
          投票时间：{formatTime(data.voteStartsAt)} 至 {formatTime(data.voteEndsAt)}
        </View>
        <View className='muted'>参与率要求 {data.quorumPercent}%{data.eligibleCount !== null ? `（共 ${data.eligibleCount} 位居民可以投票，已投 ${data.votesCast} 票）` : ''}</View>
      </View>
      <ErrorText message={actionError} />
      {admin && data.status === 'draft' ? (
        <BigButton id='deliberation-publish' disabled={busy} onClick={() => void act(() => publishDeliberation(data.id))}>
          发布公告
        </BigButton>
      ) : null}
      <Voting data={data} busy={busy} onVote={(option) => void act(() => voteDeliberation(data.id, option))} />
      <Tally data={data} />
      {data.decision ? (
        <View className='card' id='deliberation-decision'>
          <View className='subtitle'>协商结果</View>
          <View>{data.decision}</View>
          <View className='subtitle'>落实措施</View>
          <View>{data.actions}</View>
          {data.projectId ? (
            <View className='muted' role='link' id='deliberation-project' onClick={() => void Taro.navigateTo({ url: `/pages/public/project/index?id=${data.projectId}` })}>
              已列入民生实事，点此查看进展
            </View>
          ) : null}
        </View>
      ) : null}
      {admin && data.status === 'published' && data.phase === 'closed' ? <DecideForm busy={busy} onDecide={(input) => void act(() => decideDeliberation({ deliberationId: data.id, ...input }))} /> : null}
      {admin && data.status === 'decided' ? (
        <BigButton id='deliberation-announce' disabled={busy} onClick={() => void act(() => announceDeliberation(data.id))}>
          公示结果
        </BigButton>
      ) : null}
      <Comments data={data} busy={busy} onComment={(text) => act(() => commentDeliberation(data.id, text))} />
    </PageRoot>
  );
}

function StepBar({ step }: { step: number }) {
  return (
    <View className='row' role='list' aria-label='五步议事进度'>
      {DELIBERATION_STEPS.map((name, index) => (
        <View key={name} role='listitem' className={`choice ${index === step ? 'selected' : ''}`} aria-current={index === step ? 'step' : undefined}>
          <View className='choice-label'>
            {index + 1}. {name}
          </View>
          <View className='muted'>{index < step ? '已完成' : index === step ? '进行中' : '未开始'}</View>
        </View>
      ))}
    </View>
  );
}

function Voting({ data, busy, onVote }: { data: TDeliberationView; busy: boolean; onVote: (option: number) => void }) {
  if (data.myVote !== null) return <View className='card' id='my-vote'>您已投票：{data.options[data.myVote]}</View>;
  if (!data.canVote) {
    if (data.status === 'published' && data.phase === 'not_started') return <View className='muted'>投票还没有开始。</View>;
    return null;
  }
  return (
    <View className='card'>
      <View className='subtitle'>请投票（每人一票，投后不能更改）</View>
      {data.options.map((option, index) => (
        <BigButton key={option} id={`vote-${index}`} secondary disabled={busy} onClick={() => onVote(index)}>
          {option}
        </BigButton>
      ))}
    </View>
  );
}

function Tally({ data }: { data: TDeliberationView }) {
  if (!data.tally) return null;
  const { tally } = data;
  return (
    <View className='card' id='deliberation-tally'>
      <View className='subtitle'>表决结果</View>
      {data.options.map((option, index) => (
        <View key={option} id={`tally-${index}`}>
          {option}：{tally.counts[index]} 票
        </View>
      ))}
      <View className='muted' id='tally-turnout'>
        {tally.votes} / {tally.eligible} 人投票，需要 {tally.quorum} 人：{tally.quorumMet ? '达到参与率' : '未达到参与率'}
      </View>
      {tally.leading !== null ? <View className='subtitle'>多数意见：{data.options[tally.leading]}</View> : null}
    </View>
  );
}

function DecideForm({ busy, onDecide }: { busy: boolean; onDecide: (input: { decision: string; actions: string; project?: { ownerDepartment: string; targetDate: string } }) => void }) {
  const [decision, setDecision] = useState('');
  const [actions, setActions] = useState('');
  const [department, setDepartment] = useState('');
  const [targetDate, setTargetDate] = useState('');
  return (
    <View className='card'>
      <View className='subtitle'>第四步 结果运用</View>
      <Textarea id='decide-decision' className='field textarea' {...fieldLabel('协商结果')} placeholder='协商结果' value={decision} maxlength={500} onInput={(event) => setDecision(event.detail.value)} />
      <Textarea id='decide-actions' className='field textarea' {...fieldLabel('落实措施')} placeholder='落实措施' value={actions} maxlength={500} onInput={(event) => setActions(event.detail.value)} />
      <TextField id='decide-department' label='列入民生实事的责任单位（不填则不列入）' value={department} onChange={setDepartment} maxlength={30} />
      <TextField id='decide-target' label='完成时限（如 2027-05-31）' value={targetDate} onChange={setTargetDate} maxlength={10} />
      <BigButton
        id='decide-save'
        disabled={busy}
        onClick={() => onDecide({ decision, actions, project: department ? { ownerDepartment: department, targetDate } : undefined })}
      >
        记录协商结果
      </BigButton>
    </View>
  );
}

function Comments({ data, busy, onComment }: { data: TDeliberationView; busy: boolean; onComment: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const open = data.status === 'published' && data.phase !== 'closed';
  return (
    <View className='card'>
      <View className='subtitle'>居民意见</View>
      {data.comments.length === 0 ? <View className='muted'>还没有意见。</View> : null}
      {data.comments.map((comment) => (
        <View key={`${comment.at}-${comment.name}`} className='timeline-item'>
          <View>{comment.text}</View>
          <View className='muted'>
            {comment.name} · {formatTime(comment.at)}
          </View>
        </View>
      ))}
      {open ? (
        <View>
          <Textarea id='comment-text' className='field textarea' {...fieldLabel('我的意见')} placeholder='说说您的看法' value={text} maxlength={300} onInput={(event) => setText(event.detail.value)} />
          <BigButton id='comment-send' secondary disabled={busy} onClick={() => void onComment(text).then((sent) => sent && setText(''))}>
            发表意见
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
