import { Text, Textarea, View } from '@tarojs/components';
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
import { addProjectProgress, completeMilestone, fetchProject, publishProject, writeOffProject } from '../../../services/ledgers';
import { PublicationCard } from './publication-card';
import type { TProjectDetail } from '../../../shared/contracts/ledgers';
import { PROJECT_SOURCE_LABELS, PROJECT_STATUS_LABELS } from '../../../shared/domain/project-rules';
import { PageRoot } from '../../../components/page-root';

/** One project for staff: its milestones, this month's progress entry, the history, and 销账 once every milestone is done. */
export default function AdminProjectPage() {
  const projectId = useRouter().params.id ?? '';
  const { data, error, setData } = useLoader(async () => ({ project: await fetchProject(projectId), me: await fetchMe() }), [projectId]);
  const [progressText, setProgressText] = useState('');
  const [percent, setPercent] = useState('');
  const [writeOffNote, setWriteOffNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error: actionError, run } = useAction();

  const act = (work: () => Promise<TProjectDetail>, success: string) =>
    run(async () => {
      setNotice(null);
      const project = await work();
      setData((current) => (current ? { ...current, project } : current));
      setNotice(success);
    });

  if (!data) {
    return (
      <PageRoot>
        <ErrorText message={error} />
        {!error ? <View className='muted'>正在加载…</View> : null}
      </PageRoot>
    );
  }

  const { project, me } = data;
  const open = project.status === 'in_progress';
  const isAdmin = me.roles.includes('admin');
  const remaining = project.milestones.filter((milestone) => !milestone.doneAt);
  const latestPercent = project.latestProgress?.percent ?? 0;

  return (
    <PageRoot>
      <View className='card' id='project-card'>
        <View className='title' id='project-detail-title'>
          {project.title}
        </View>
        <View>
          <Text className='state' id='project-status'>
            {PROJECT_STATUS_LABELS[project.status]}
          </Text>
          {project.lateMonths.length > 0 ? <Text className='badge'>逾期</Text> : null}
          {project.dueSoon ? <Text className='badge'>本月待填报</Text> : null}
        </View>
        <View>{project.description}</View>
        <View className='muted'>
          {PROJECT_SOURCE_LABELS[project.source]} · 责任单位 {project.ownerDepartment} · 负责人 {project.ownerName}
        </View>
        <View className='muted'>
          完成时限 {project.targetDate} · 居民支持 <Text id='project-support-count'>{project.supportCount}</Text>
        </View>
        <View id='project-percent'>当前进度 {project.latestProgress ? `${latestPercent}%` : '未填报'}</View>
        {project.lateMonths.length > 0 ? <View className='error'>逾期未报月份：{project.lateMonths.join('、')}</View> : null}
        {project.requestId ? (
          <View className='muted' role='link' style={{ padding: '12px 0' }} onClick={() => Taro.navigateTo({ url: `/pages/request/detail/index?id=${project.requestId}` })}>
            查看来源求助 ›
          </View>
        ) : null}
      </View>

      <ErrorText message={error ?? actionError} />
      {notice ? (
        <View className='card' role='status' id='project-notice'>
          {notice}
        </View>
      ) : null}

      <PublicationCard project={project} isAdmin={isAdmin} busy={busy} onPublish={(title, summary) => void act(() => publishProject(project.id, title, summary), '已公开到居民清单')} />

      <View className='card' id='project-milestones'>
        <View className='subtitle'>
          推进节点（已完成 {project.milestones.length - remaining.length}/{project.milestones.length}）
        </View>
        {project.milestones.map((milestone, index) => (
          <View key={index} className='timeline-item milestone-item' id={`milestone-${index}`}>
            <View>
              {milestone.doneAt ? '✓ ' : ''}
              {milestone.title}
            </View>
            <View className='muted'>
              计划 {milestone.dueDate}
              {milestone.doneAt ? ` · ${formatTime(milestone.doneAt)} 完成` : ' · 未完成'}
            </View>
            {open && !milestone.doneAt ? (
              <BigButton id={`milestone-complete-${index}`} secondary disabled={busy} onClick={() => void act(() => completeMilestone(project.id, index), `「${milestone.title}」已完成`)}>
                完成
              </BigButton>
            ) : null}
          </View>
        ))}
      </View>

      {open ? (
        <View className='card' id='progress-form'>
          <View className='subtitle'>本月进展</View>
          <View className='muted'>每月 25 日前填报；百分比不能低于上次（{latestPercent}%）。</View>
          <Textarea
            id='progress-text'
            className='field textarea'
            {...fieldLabel('本月进展')}
            value={progressText}
            maxlength={300}
            placeholder='本月做了什么，遇到什么困难'
            onInput={(event) => setProgressText(event.detail.value)}
          />
          <TextField id='progress-percent' label='完成百分比（0–100）' value={percent} onChange={setPercent} type='number' maxlength={3} placeholder={String(latestPercent)} />
          <BigButton
            id='progress-submit'
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const updated = await addProjectProgress(project.id, progressText, percent.trim() === '' ? Number.NaN : Number(percent));
                setProgressText('');
                setPercent('');
                return updated;
              }, '本月进展已填报')
            }
          >
            填报本月进展
          </BigButton>
        </View>
      ) : null}

      <View className='card' id='progress-history'>
        <View className='subtitle'>进展记录</View>
        {project.progress.length === 0 ? <View className='muted'>还没有填报过进展。</View> : null}
        {project.progress.map((entry, index) => (
          <View key={`${entry.at}-${index}`} className='timeline-item progress-item'>
            <View>
              {entry.month} · {entry.percent}%
            </View>
            <View>{entry.text}</View>
            <View className='muted'>
              {entry.authorName} · {formatTime(entry.at)}
            </View>
          </View>
        ))}
      </View>

      {open && isAdmin ? (
        <View className='card' id='writeoff-form'>
          <View className='subtitle'>销账</View>
          {remaining.length > 0 ? (
            <View className='muted'>
              还有 {remaining.length} 个节点未完成（{remaining.map((milestone) => milestone.title).join('、')}），全部完成后才能销账。
            </View>
          ) : (
            <View>
              <Textarea
                id='writeoff-note'
                className='field'
                {...fieldLabel('销账说明')}
                value={writeOffNote}
                maxlength={300}
                placeholder='办成了什么，居民反映如何'
                onInput={(event) => setWriteOffNote(event.detail.value)}
              />
              <BigButton id='writeoff-submit' disabled={busy} onClick={() => void act(() => writeOffProject(project.id, writeOffNote), '已销账')}>
                确认销账
              </BigButton>
            </View>
          )}
        </View>
      ) : null}
      {project.writtenOffAt ? (
        <View className='card' id='writeoff-done'>
          <View className='subtitle'>已于 {formatTime(project.writtenOffAt)} 销账</View>
          {project.writeOffNote ? <View>{project.writeOffNote}</View> : null}
        </View>
      ) : null}
    </PageRoot>
  );
}
