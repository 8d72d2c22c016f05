import { View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorText } from '../../components/error-text';
import { RequestCard } from '../../components/request-card';
import { useLoader } from '../../hooks/use-loader';
import { fetchOffers, fetchTasks } from '../../services/requests';
import { PageRoot } from '../../components/page-root';

type Tab = 'offers' | 'open' | 'done';
const TABS: { key: Tab; label: string }[] = [
  { key: 'offers', label: '待接单' },
  { key: 'open', label: '进行中' },
  { key: 'done', label: '已完成' },
];
const EMPTY: Record<Tab, string> = { offers: '暂时没有新的求助。', open: '没有正在办理的任务。', done: '还没有完成的任务。' };

export default function TasksPage() {
  const [tab, setTab] = useState<Tab>('offers');
  const { data, error } = useLoader(async () => (tab === 'offers' ? (await fetchOffers()).items : (await fetchTasks(tab)).items), [tab]);

  return (
    <PageRoot>
      <View className='tabs' role='tablist'>
        {TABS.map((item) => (
          <View key={item.key} id={`tab-${item.key}`} className={`tab ${tab === item.key ? 'active' : ''}`} role='tab' aria-selected={tab === item.key} onClick={() => setTab(item.key)}>
            {item.label}
          </View>
        ))}
      </View>
      <ErrorText message={error} />
      {data && data.length === 0 ? (
        <View className='muted' id='tasks-empty'>
          {EMPTY[tab]}
        </View>
      ) : null}
      {data?.map((request) => <RequestCard key={request.id} request={request} />)}
    </PageRoot>
  );
}
