import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ErrorText } from '../../../components/error-text';
import { LoadMore } from '../../../components/load-more';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { fetchPublishedProjects } from '../../../services/ledgers';
import type { TProjectView } from '../../../shared/contracts/ledgers';
import { PROJECT_STATUS_LABELS } from '../../../shared/domain/project-rules';
import { ProjectProgress } from '../project-progress';
import { SupportButton } from '../support-button';
import { PageRoot } from '../../../components/page-root';

/** 晒清单: the community's livelihood projects as residents see them, each with its progress and a 支持 button. */
export default function PublishedProjectsPage() {
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchPublishedProjects(cursor), []);
  const [updated, setUpdated] = useState<Record<string, TProjectView>>({});

  return (
    <PageRoot>
      <View className='muted'>社区正在办的民生实事，每月公布进展。您支持的项目，社区会优先推进。</View>
      <ErrorText message={error} />
      {data && data.items.length === 0 ? (
        <View className='muted' id='public-projects-empty'>
          社区暂时没有公布的民生实事。
        </View>
      ) : null}
      {data?.items.map((item) => {
        const project = updated[item.id] ?? item;
        return (
          <View key={project.id} className='card public-project' id={`public-project-${project.id}`}>
            <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <View className='subtitle' role='link' onClick={() => Taro.navigateTo({ url: `/pages/public/project/index?id=${project.id}` })}>
                {project.title}
              </View>
              <View className='state'>{PROJECT_STATUS_LABELS[project.status]}</View>
            </View>
            <View>{project.description}</View>
            <View className='muted'>
              {project.ownerDepartment} · 计划 {project.targetDate} 前完成
            </View>
            <ProjectProgress project={project} />
            {project.latestProgress ? (
              <View className='muted'>
                最新进展（{project.latestProgress.month}）：{project.latestProgress.text}
              </View>
            ) : null}
            <View
              id={`public-project-open-${project.id}`}
              className='muted'
              role='link'
              style={{ padding: '12px 0' }}
              onClick={() => Taro.navigateTo({ url: `/pages/public/project/index?id=${project.id}` })}
            >
              查看详细进展 ›
            </View>
            <SupportButton project={project} onSupported={(next) => setUpdated((current) => ({ ...current, [next.id]: next }))} />
          </View>
        );
      })}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
