import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { HeldReview } from '../../../components/held-review';
import { TextField } from '../../../components/text-field';
import { assignRequest, escalateRequest, fetchCandidates, recordEscalation } from '../../../services/requests';
import { fetchSettings } from '../../../services/community';
import type { TRequestDetail } from '../../../shared/contracts/requests';
import type { OutputOf } from '../../../shared/contracts';
import { fieldLabel } from '../../../components/a11y';
import type { Act } from './actions';

export interface StaffActionsProps {
  request: TRequestDetail;
  run: Act;
}

type Candidate = OutputOf<'requests', 'listCandidates'>['items'][number];

/** Review of a held request, manual dispatch, escalation (吹哨) and the department's answer, for admins and grid workers. */
export function StaffActions({ request, run }: StaffActionsProps) {
  const { actions } = request;
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [departments, setDepartments] = useState<string[] | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [meetingDate, setMeetingDate] = useState(new Date().toISOString().slice(0, 10));
  const [attendees, setAttendees] = useState('');
  const [decision, setDecision] = useState('');
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState('');
  const [resolved, setResolved] = useState<'yes' | 'no'>('no');

  return (
    <View>
      {actions.review ? (
        <View className='card' id='held-review'>
          <View className='subtitle'>待审核：内容需要人工看一下</View>
          <View className='muted'>没有问题就点“通过”，系统立即派单；不合适就“驳回”并写明原因，居民会看到。</View>
          <HeldReview requestId={request.id} onDone={(updated, message) => void run(async () => updated, message)} />
        </View>
      ) : null}
      {actions.assign ? (
        <View className='card'>
          <View className='subtitle'>派单</View>
          {candidates === null ? (
            <BigButton id='load-candidates' secondary onClick={() =>
                run(async () => {
                  setCandidates((await fetchCandidates(request.id)).items);
                  return null;
                })
              }>
              查看推荐党员
            </BigButton>
          ) : null}
          {candidates?.length === 0 ? <View className='muted'>附近没有合适的党员，可以吹哨上报。</View> : null}
          {candidates?.map((candidate) => (
            <View key={candidate.memberId} className='card candidate-item'>
              <View className='subtitle'>{candidate.name}</View>
              <View>{candidate.reasons}</View>
              <View className='muted'>
                {candidate.atCap ? '在办已满 · ' : ''}
                {candidate.alreadyOffered ? '已推送过' : '未推送过'}
              </View>
              <BigButton id={`assign-${candidate.memberId}`} onClick={() => run(() => assignRequest(request.id, candidate.memberId), `已指派给 ${candidate.name}`)}>
                {request.assignee ? '改派给' : '指派给'} {candidate.name}
              </BigButton>
            </View>
          ))}
        </View>
      ) : null}

      {actions.escalate ? (
        <View className='card'>
          <View className='subtitle'>吹哨上报（移交部门或物业）</View>
          {departments === null ? (
            <BigButton id='open-escalate' secondary onClick={() =>
                run(async () => {
                  setDepartments((await fetchSettings()).departments);
                  return null;
                })
              }>
              填写吹哨信息
            </BigButton>
          ) : (
            <View>
              <ChipSelect label='移交部门' idPrefix='department' options={departments.map((item) => ({ value: item, label: item }))} selected={department ? [department] : []} onChange={(next) => setDepartment(next[0] ?? null)} />
              <TextField id='meeting-date' label='联席会议日期' value={meetingDate} onChange={setMeetingDate} maxlength={10} />
              <TextField id='meeting-attendees' label='参会人员（用顿号分隔）' value={attendees} onChange={setAttendees} maxlength={200} />
              <View className='subtitle'>会议决定</View>
              <Textarea id='meeting-decision' className='field textarea' {...fieldLabel('会议决定')} value={decision} maxlength={500} onInput={(event) => setDecision(event.detail.value)} />
              <BigButton
                id='submit-escalate'
                onClick={() =>
                  run(
                    () =>
                      escalateRequest({
                        requestId: request.id,
                        department: department ?? '',
                        meetingDate,
                        attendees: attendees.split(/[，,、\s]+/).filter(Boolean),
                        decision,
                      }),
                    '已吹哨上报',
                  )
                }
              >
                确认吹哨上报
              </BigButton>
            </View>
          )}
        </View>
      ) : null}

      {actions.recordEscalation ? (
        <View className='card'>
          <View className='subtitle'>登记部门答复</View>
          <Textarea id='escalation-answer' className='field textarea' {...fieldLabel('部门答复')} value={answer} maxlength={500} placeholder='部门的答复' onInput={(event) => setAnswer(event.detail.value)} />
          <ChipSelect
            label='是否已解决'
            idPrefix='resolved'
            options={[
              { value: 'no', label: '仍在办理' },
              { value: 'yes', label: '已解决' },
            ]}
            selected={[resolved]}
            onChange={(next) => setResolved(next[0] === 'yes' ? 'yes' : 'no')}
          />
          {resolved === 'yes' ? (
            <Textarea id='escalation-outcome' className='field textarea' {...fieldLabel('办理结果')} value={outcome} maxlength={500} placeholder='办理结果' onInput={(event) => setOutcome(event.detail.value)} />
          ) : null}
          <BigButton id='submit-escalation-answer' onClick={() => run(() => recordEscalation({ requestId: request.id, answer, outcome, resolved: resolved === 'yes' }), '已登记')}>
            保存
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
