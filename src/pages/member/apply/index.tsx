import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { applyMember, claimPost, fetchMe, fetchMyApplication, fetchSettings, setOnLeave } from '../../../services/community';
import type { TApplicationView } from '../../../shared/contracts/community';
import { AVAILABLE_PERIODS, AVAILABLE_PERIOD_LABELS, MEMBER_KIND_LABELS, MEMBER_KINDS, type AvailablePeriod, type MemberKind } from '../../../shared/domain/community-settings';
import { getCurrentLocation } from '../../../services/location';
import { PageRoot } from '../../../components/page-root';

const STATUS_LABELS: Record<TApplicationView['status'], string> = { pending: '审核中', approved: '已通过', rejected: '未通过' };

/** 双报到: register as a party member or volunteer; once approved, claim posts and go on leave here. */
export default function MemberApplyPage() {
  const { data, error: loadError, setData } = useLoader(async () => {
    const [settings, mine, me] = await Promise.all([fetchSettings(), fetchMyApplication(), fetchMe()]);
    return { settings, application: mine.application, me };
  }, []);
  const [kind, setKind] = useState<MemberKind>('member');
  const [workUnit, setWorkUnit] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [gridId, setGridId] = useState<string | null>(null);
  const [hours, setHours] = useState<AvailablePeriod[]>([]);
  const { busy, error, setError, run: runAction } = useAction();

  if (!data) {
    return (
      <PageRoot>
        <ErrorText message={loadError} />
      </PageRoot>
    );
  }
  const { settings, application, me } = data;

  const run = (work: () => Promise<TApplicationView>) =>
    runAction(async () => {
      const updated = await work();
      setData({ ...data, application: updated });
    });

  const submit = async () => {
    let home = me.home;
    if (!home) {
      try {
        home = await getCurrentLocation();
      } catch {
        return setError('需要您的住址位置，用于把附近的求助派给您');
      }
    }
    const location = home;
    await run(() => applyMember({ kind, workUnit, skills, gridId: gridId ?? '', home: location, availableHours: hours }));
  };

  if (application && application.status !== 'rejected') {
    return (
      <PageRoot>
        <View className='card'>
          <View className='title'>
            {MEMBER_KIND_LABELS[application.kind]}报到：<Text id='application-status'>{STATUS_LABELS[application.status]}</Text>
          </View>
          <View className='muted'>
            {application.gridName} · {application.skills.join('、')}
          </View>
        </View>
        {application.status === 'approved' ? (
          <View>
            <View className='subtitle'>定岗领办</View>
            <ChipSelect
              label='认领岗位'
              multiple
              options={settings.posts.map((post) => ({ value: post, label: post }))}
              selected={application.posts}
              onChange={(next) => {
                const added = next.find((post) => !application.posts.includes(post));
                const removed = application.posts.find((post) => !next.includes(post));
                const post = added ?? removed;
                if (post) void run(() => claimPost(post, Boolean(added)));
              }}
            />
            <BigButton id='toggle-leave' secondary disabled={busy} onClick={() => run(() => setOnLeave(!application.onLeave))}>
              {application.onLeave ? '结束请假，恢复接单' : '请假（暂停接单）'}
            </BigButton>
          </View>
        ) : (
          <View className='muted'>社区正在审核，结果会通过消息通知您。</View>
        )}
        <ErrorText message={error} />
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      {application?.status === 'rejected' ? <View className='error'>上次申请未通过：{application.reviewNote}。请修改后重新提交。</View> : null}
      <View className='subtitle'>报到身份</View>
      <ChipSelect label='报到身份' idPrefix='kind' options={MEMBER_KINDS.map((item) => ({ value: item, label: MEMBER_KIND_LABELS[item] }))} selected={[kind]} onChange={(next) => setKind(next[0] as MemberKind)} />
      <TextField id='apply-work-unit' label='工作单位' value={workUnit} onChange={setWorkUnit} placeholder='例如：区教育局' />
      <View className='subtitle'>所在网格</View>
      <ChipSelect label='所在网格' idPrefix='grid' options={settings.grids.map((grid) => ({ value: grid.id, label: grid.name }))} selected={gridId ? [gridId] : []} onChange={(next) => setGridId(next[0] ?? null)} />
      <View className='subtitle'>特长（可多选）</View>
      <ChipSelect label='特长' idPrefix='skill' multiple options={settings.skills.map((skill) => ({ value: skill, label: skill }))} selected={skills} onChange={setSkills} />
      <View className='subtitle'>方便服务的时间</View>
      <ChipSelect
        label='服务时间'
        idPrefix='hours'
        multiple
        options={AVAILABLE_PERIODS.map((period) => ({ value: period, label: AVAILABLE_PERIOD_LABELS[period] }))}
        selected={hours}
        onChange={(next) => setHours(next as AvailablePeriod[])}
      />
      <ErrorText message={error} />
      <BigButton id='apply-submit' disabled={busy} onClick={submit}>
        提交报到
      </BigButton>
    </PageRoot>
  );
}
