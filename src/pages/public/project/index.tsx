import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { fetchProject } from '../../../services/ledgers';
import { PROJECT_STATUS_LABELS } from '../../../shared/domain/project-rules';
import { ProjectProgress } from '../project-progress';
import { SupportButton } from '../support-button';
import { PageRoot } from '../../../components/page-root';

/** One livelihood project for residents: what it is, its milestones and every month's progress. */
export default function PublicProjectPage() {
  const projectId = useRouter().params.id ?? '';
  const { data: project, error, setData } = useLoader(() => fetchProject(projectId), [projectId]);

  if (!project) {
    return (
      <PageRoot>
        <ErrorText message={error} />
        {!error ? <View className='muted'>正在加载…</View> : null}
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      <View className='card' id='public-project'>
        <View className='title' id='public-project-title'>
          {project.title}
        </View>
        <View className='state'>{PROJECT_STATUS_LABELS[project.status]}</View>
        <View>{project.description}</View>
        <View className='muted'>
          责任单位：{project.ownerDepartment} · 计划 {project.targetDate} 前完成
        </View>
        <ProjectProgress project={project} />
        <SupportButton project={project} onSupported={(next) => setData((current) => (current ? { ...current, ...next } : current))} />
      </View>
      <ErrorText message={error} />
      <View className='card'>
        <View className='subtitle'>推进节点</View>
        {project.milestones.map((milestone, index) => (
          <View key={index} className='timeline-item'>
            <View>
              {milestone.doneAt ? '✓ 已完成：' : '○ 未完成：'}
              {milestone.title}
            </View>
            <View className='muted'>计划 {milestone.dueDate}{milestone.doneAt ? ` · ${formatTime(milestone.doneAt)} 完成` : ''}</View>
          </View>
        ))}
      </View>
      <View className='card' id='public-progress'>
        <View className='subtitle'>每月进展</View>
        {project.progress.length === 0 ? <View className='muted'>还没有公布进展。</View> : null}
        {project.progress.map((entry, index) => (
          <View key={`${entry.at}-${index}`} className='timeline-item public-progress-item'>
            <View>
              {entry.month} · 完成 {entry.percent}%
            </View>
            <View>{entry.text}</View>
          </View>
        ))}
      </View>
      {project.writtenOffAt ? (
        <View className='card'>
          <View className='subtitle'>已于 {formatTime(project.writtenOffAt)} 办结</View>
          {project.writeOffNote ? <View>{project.writeOffNote}</View> : null}
        </View>
      ) : null}
    </PageRoot>
  );
}
