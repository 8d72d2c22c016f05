import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { ExportButton } from '../../../components/export-button';
import { LoadMore } from '../../../components/load-more';
import { currentPeriodKey, PeriodPicker } from '../../../components/period-picker';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchMe } from '../../../services/community';
import { createProject, fetchProjectOwners, fetchProjects } from '../../../services/ledgers';
import type { TProjectView } from '../../../shared/contracts/ledgers';
import { PROJECT_SOURCE_LABELS, PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../shared/domain/project-rules';
import { PageRoot } from '../../../components/page-root';

const MAX_MILESTONES = 12;
const STATUS_OPTIONS: { value: ProjectStatus; label: string }[] = [
  { value: 'in_progress', label: PROJECT_STATUS_LABELS.in_progress },
  { value: 'written_off', label: PROJECT_STATUS_LABELS.written_off },
];
const ME = 'me';

interface MilestoneDraft {
  title: string;
  dueDate: string;
}

const openProject = (id: string) => Taro.navigateTo({ url: `/pages/admin/project/index?id=${id}` });

function ProjectItem({ project }: { project: TProjectView }) {
  const done = project.milestones.filter((milestone) => milestone.doneAt).length;
  return (
    <View className='card project-item' id={`project-${project.id}`} role='link' onClick={() => openProject(project.id)}>
      <View className='subtitle'>
        {project.title}
        {project.lateMonths.length > 0 ? <Text className='badge'>逾期</Text> : null}
        {project.dueSoon ? <Text className='badge'>本月待填报</Text> : null}
      </View>
      <View className='muted'>
        {PROJECT_SOURCE_LABELS[project.source]} · {project.ownerDepartment} · 负责人 {project.ownerName} · 时限 {project.targetDate}
      </View>
      <View>
        进度 {project.latestProgress ? `${project.latestProgress.percent}%` : '未填报'} · 节点 {done}/{project.milestones.length} · 居民支持 {project.supportCount}
      </View>
      {project.latestProgress ? (
        <View className='muted'>
          {project.latestProgress.month}：{project.latestProgress.text}
        </View>
      ) : null}
      {project.lateMonths.length > 0 ? <View className='error'>逾期未报：{project.lateMonths.join('、')}</View> : null}
      {project.writeOffNote ? <View className='muted'>销账说明：{project.writeOffNote}</View> : null}
    </View>
  );
}

/** The admin opens a project (立项): what, who is responsible, by when, and its milestones. */
function CreateProjectForm() {
  const { data: owners } = useLoader(() => fetchProjectOwners(), []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [department, setDepartment] = useState('');
  const [ownerId, setOwnerId] = useState<string>(ME);
  const [targetDate, setTargetDate] = useState('');
  const [milestones, setMilestones] = useState<MilestoneDraft[]>([{ title: '', dueDate: '' }]);
  const { busy, error, run } = useAction();

  const setMilestone = (index: number, change: Partial<MilestoneDraft>) => setMilestones((current) => current.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const submit = () =>
    run(async () => {
      const project = await createProject({
        title,
        description,
        ownerDepartment: department,
        ownerId: ownerId === ME ? undefined : ownerId,
        targetDate: targetDate.trim(),
        milestones: milestones.map((item) => ({ title: item.title, dueDate: item.dueDate.trim() })),
      });
      setTitle('');
      setDescription('');
      setMilestones([{ title: '', dueDate: '' }]);
      await openProject(project.id);
    });

  return (
    <View className='card' id='project-form'>
      <View className='title'>新建民生实事</View>
      <TextField id='project-title' label='项目名称' value={title} onChange={setTitle} maxlength={40} placeholder='例如：三栋加装电梯' />
      <View className='subtitle'>项目内容</View>
      <Textarea
        id='project-description'
        className='field textarea'
        {...fieldLabel('项目内容')}
        value={description}
        maxlength={500}
        placeholder='要办的事、涉及哪些居民'
        onInput={(event) => setDescription(event.detail.value)}
      />
      <TextField id='project-department' label='责任单位' value={department} onChange={setDepartment} maxlength={30} placeholder='例如：街道城建科' />
      <View className='subtitle'>每月填报进展的负责人</View>
      <ChipSelect
        label='负责人'
        idPrefix='project-owner'
        options={[{ value: ME, label: '我自己' }, ...(owners?.items ?? []).map((owner) => ({ value: owner.id, label: owner.name }))]}
        selected={[ownerId]}
        onChange={(selected) => setOwnerId(selected[0])}
      />
      <TextField id='project-target' label='完成时限（如 2027-06-30）' value={targetDate} onChange={setTargetDate} maxlength={10} placeholder='2027-06-30' />
      <View className='subtitle'>推进节点（1–12 个）</View>
      {milestones.map((milestone, index) => (
        <View key={index} className='card milestone-draft' style={{ border: '3px solid #eeeeee' }}>
          <TextField id={`milestone-title-${index}`} label={`节点 ${index + 1} 名称`} value={milestone.title} onChange={(value) => setMilestone(index, { title: value })} maxlength={40} placeholder='例如：完成设计' />
          <TextField
            id={`milestone-date-${index}`}
            label={`节点 ${index + 1} 日期（如 2027-01-31）`}
            value={milestone.dueDate}
            onChange={(value) => setMilestone(index, { dueDate: value })}
            maxlength={10}
            placeholder='2027-01-31'
          />
          {milestones.length > 1 ? (
            <BigButton id={`milestone-remove-${index}`} secondary onClick={() => setMilestones((current) => current.filter((_, at) => at !== index))}>
              删除这个节点
            </BigButton>
          ) : null}
        </View>
      ))}
      {milestones.length < MAX_MILESTONES ? (
        <BigButton id='milestone-add' secondary onClick={() => setMilestones((current) => [...current, { title: '', dueDate: '' }])}>
          添加节点
        </BigButton>
      ) : null}
      <ErrorText message={error} />
      <BigButton id='project-create' disabled={busy} onClick={() => void submit()}>
        {busy ? '正在保存…' : '立项'}
      </BigButton>
    </View>
  );
}

/** 民生实事台账: projects in progress or written off, flagged when a month's progress is late or due; admins open new ones and export. */
export default function ProjectsLedgerPage() {
  const [status, setStatus] = useState<ProjectStatus>('in_progress');
  const [exportPeriod, setExportPeriod] = useState<string>(() => currentPeriodKey('month'));
  const { data: me } = useLoader(() => fetchMe(), []);
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchProjects(status, cursor), [status]);
  const isAdmin = me?.roles.includes('admin') ?? false;

  return (
    <PageRoot>
      <ChipSelect label='状态' idPrefix='project-status' options={STATUS_OPTIONS} selected={[status]} onChange={(selected) => setStatus(selected[0] as ProjectStatus)} />
      <ErrorText message={error} />
      {data && data.items.length === 0 ? (
        <View className='muted' id='projects-empty'>
          没有{PROJECT_STATUS_LABELS[status]}的项目。
        </View>
      ) : null}
      {data?.items.map((project) => <ProjectItem key={project.id} project={project} />)}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
      {isAdmin ? <CreateProjectForm /> : null}
      {isAdmin ? (
        <View className='card'>
          <View className='subtitle'>导出台账</View>
          <PeriodPicker idPrefix='projects-period' value={exportPeriod} onChange={(next) => next && setExportPeriod(next)} />
          <ExportButton id='export-projects' kind='projects' period={exportPeriod} label='导出民生实事台账' />
        </View>
      ) : null}
    </PageRoot>
  );
}
