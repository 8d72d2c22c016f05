import { View } from '@tarojs/components';
import { BigButton } from '../../components/big-button';
import { ErrorText } from '../../components/error-text';
import { useAction } from '../../hooks/use-action';
import { supportProject } from '../../services/ledgers';
import type { TProjectView } from '../../shared/contracts/ledgers';

/** 支持 once; afterwards it says 已支持 (the server keeps one support per person, so a second tap changes nothing). */
export function SupportButton({ project, onSupported }: { project: TProjectView; onSupported: (project: TProjectView) => void }) {
  const { busy, error, run } = useAction();
  const support = () => run(async () => onSupported(await supportProject(project.id)));
  return (
    <View>
      <View className='subtitle' id={`support-count-${project.id}`}>
        {project.supportCount} 位居民支持
      </View>
      {project.status === 'in_progress' ? (
        <BigButton id={`support-${project.id}`} secondary={project.supportedByMe} disabled={busy || project.supportedByMe} onClick={() => void support()}>
          {project.supportedByMe ? '已支持' : '支持'}
        </BigButton>
      ) : null}
      <ErrorText message={error} />
    </View>
  );
}
