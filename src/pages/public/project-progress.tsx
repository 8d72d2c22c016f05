import { View } from '@tarojs/components';
import type { TProjectView } from '../../shared/contracts/ledgers';

/** How far a project has come: a bar with the percentage in words, and the milestones done. */
export function ProjectProgress({ project }: { project: TProjectView }) {
  const percent = project.latestProgress?.percent ?? 0;
  const done = project.milestones.filter((milestone) => milestone.doneAt).length;
  return (
    <View className='project-progress'>
      <View
        role='progressbar'
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={`完成 ${percent}%`}
        style={{ height: '20px', borderRadius: '10px', background: '#eeeeee', overflow: 'hidden', margin: '12px 0' }}
      >
        <View style={{ width: `${percent}%`, height: '100%', background: '#c8161d' }} />
      </View>
      <View id={`progress-${project.id}`}>
        {project.status === 'written_off' ? '已办结' : project.latestProgress ? `完成 ${percent}%` : '刚刚立项'} · 节点完成 {done}/{project.milestones.length}
      </View>
    </View>
  );
}
