import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { fetchMembers } from '../../../services/community';
import { adjustPoints, fetchMemberLedger } from '../../../services/points';
import { newClientToken } from '../../../services/client-token';
import type { OutputOf } from '../../../shared/contracts';
import { PageRoot } from '../../../components/page-root';

type Ledger = OutputOf<'points', 'getMemberLedger'>;
type Member = OutputOf<'community', 'listMembers'>['items'][number];

/** Find a member, read their ledger, and credit or debit points with a reason (recorded with the admin's name). */
export default function PointsAdjustPage() {
  const [keyword, setKeyword] = useState('');
  const [members, setMembers] = useState<Member[]>([]);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [clientToken, setClientToken] = useState(newClientToken);
  const [done, setDone] = useState<string | null>(null);
  const { error, run: runAction } = useAction();

  /** Each action starts afresh: no old error, no old confirmation. */
  const run = (work: () => Promise<unknown>) => {
    setDone(null);
    return runAction(work);
  };
  const search = () => run(async () => setMembers((await fetchMembers(keyword || undefined)).items));
  const open = (memberId: string) => run(async () => setLedger(await fetchMemberLedger(memberId)));
  const adjust = () =>
    run(async () => {
      if (!ledger) return;
      const signed = (direction === 'credit' ? 1 : -1) * Number(amount);
      const result = await adjustPoints({ clientToken, memberId: ledger.memberId, amount: signed, reason });
      setDone(`已${direction === 'credit' ? '增加' : '扣减'} ${amount} 分，现有可用 ${result.available} 分`);
      setAmount('');
      setReason('');
      setClientToken(newClientToken());
      setLedger(await fetchMemberLedger(ledger.memberId));
    });

  return (
    <PageRoot>
      <ErrorText message={error} />
      <TextField id='member-keyword' label='姓名、手机号或特长' value={keyword} onChange={setKeyword} maxlength={20} />
      <BigButton id='member-search' secondary onClick={() => void search()}>
        查找党员/志愿者
      </BigButton>
      {members.map((member) => (
        <View key={member.userId} id={`ledger-member-${member.userId}`} className='card' onClick={() => void open(member.userId)}>
          {member.name} · {member.phone}
        </View>
      ))}
      {ledger ? (
        <View>
          <View className='card' id='member-ledger'>
            <View className='title'>{ledger.name}</View>
            <View>
              余额 {ledger.balance} 分 · 冻结 {ledger.held} 分 · 可用 {ledger.available} 分
            </View>
          </View>
          <View className='subtitle'>调整积分</View>
          <ChipSelect
            label='方向'
            options={[
              { value: 'credit', label: '增加' },
              { value: 'debit', label: '扣减' },
            ]}
            selected={[direction]}
            onChange={(next) => setDirection(next[0] === 'debit' ? 'debit' : 'credit')}
          />
          <TextField id='adjust-amount' label='积分' value={amount} onChange={setAmount} type='number' maxlength={6} />
          <TextField id='adjust-reason' label='原因（必填，会留档）' value={reason} onChange={setReason} maxlength={100} />
          {done ? <View className='subtitle' id='adjust-done'>{done}</View> : null}
          <BigButton id='adjust-submit' onClick={() => void adjust()}>
            确认调整
          </BigButton>
          <View className='subtitle'>积分明细</View>
          {ledger.items.map((item) => (
            <View key={item.id} className='card row' style={{ justifyContent: 'space-between' }}>
              <View>
                <View>{item.memo}</View>
                <View className='muted'>{formatTime(item.at)}</View>
              </View>
              <View className='subtitle'>{item.amount > 0 ? `+${item.amount}` : item.amount}</View>
            </View>
          ))}
        </View>
      ) : null}
    </PageRoot>
  );
}
