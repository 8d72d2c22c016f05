import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { LoadMore } from '../../../components/load-more';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { assignGridWorker, fetchGrids, fetchMembers, fetchResidents, revokeRole } from '../../../services/community';
import { REVOCABLE_ROLES, ROLE_LABELS } from '../../../shared/domain/roles';
import { MEMBER_KIND_LABELS } from '../../../shared/domain/community-settings';
import { PageRoot } from '../../../components/page-root';

type Tab = 'members' | 'residents';

export default function MembersPage() {
  const [tab, setTab] = useState<Tab>('members');
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  return (
    <PageRoot>
      <ChipSelect
        label='名单'
        idPrefix='list'
        options={[
          { value: 'members', label: '党员/志愿者' },
          { value: 'residents', label: '居民' },
        ]}
        selected={[tab]}
        onChange={(next) => setTab(next[0] as Tab)}
      />
      <TextField id='member-search' label='搜索（姓名、电话、特长、地址）' value={keyword} onChange={setKeyword} maxlength={20} />
      <BigButton id='member-search-submit' secondary onClick={() => setQuery(keyword.trim())}>
        搜索
      </BigButton>
      {tab === 'members' ? <MemberList query={query} /> : <ResidentList query={query} />}
    </PageRoot>
  );
}

function MemberList({ query }: { query: string }) {
  const { data, error, hasMore, loadMore, loadingMore } = usePagedLoader((cursor?: string) => fetchMembers(query || undefined, cursor), [query]);
  return (
    <View>
      <ErrorText message={error} />
      {data?.items.map((member) => (
        <View key={member.userId} className='card member-item'>
          <View className='subtitle'>
            {member.name}（{MEMBER_KIND_LABELS[member.kind]}）{member.onLeave ? ' · 请假中' : ''}
          </View>
          <View>电话：{member.phone}</View>
          <View>网格：{member.gridName ?? '未分配'}</View>
          <View>特长：{member.skills.join('、')}</View>
          <View className='muted'>
            联系 {member.linkedHouseholds} 户{member.posts.length > 0 ? ` · 岗位：${member.posts.join('、')}` : ''}
          </View>
        </View>
      ))}
      {data && data.items.length === 0 ? <View className='muted'>没有找到。</View> : null}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </View>
  );
}

function ResidentList({ query }: { query: string }) {
  const { data, error, hasMore, loadMore, loadingMore, reload } = usePagedLoader((cursor?: string) => fetchResidents(query || undefined, cursor), [query]);
  const grids = useLoader(() => fetchGrids(), []).data?.items ?? [];
  const [gridFor, setGridFor] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { error: actionError, setError: setActionError, run } = useAction();

  const revoke = (userId: string, name: string, role: (typeof REVOCABLE_ROLES)[number]) =>
    run(async () => {
      await revokeRole(userId, role);
      setNotice(`${name} 已不再担任${ROLE_LABELS[role]}`);
      await reload();
    });

  const makeGridWorker = (userId: string, name: string) => {
    const gridId = gridFor[userId];
    if (!gridId) return setActionError('请先选择网格');
    return run(async () => {
      const grid = await assignGridWorker(userId, gridId);
      setNotice(`${name} 已成为${grid.name}的网格员`);
    });
  };

  return (
    <View>
      <ErrorText message={error ?? actionError} />
      {notice ? (
        <View className='card' role='status'>
          {notice}
        </View>
      ) : null}
      {data?.items.map((resident) => (
        <View key={resident.id} className='card resident-item'>
          <View className='subtitle'>{resident.name}</View>
          <View>电话：{resident.phone}</View>
          <View>地址：{resident.address || '未填写'}</View>
          <View className='muted'>{resident.gridName ?? '未分配网格'}</View>
          <ChipSelect
            label='设为网格员'
            options={grids.map((grid) => ({ value: grid.id, label: grid.name }))}
            selected={gridFor[resident.id] ? [gridFor[resident.id]] : []}
            onChange={(next) => setGridFor((current) => ({ ...current, [resident.id]: next[0] }))}
          />
          <BigButton secondary onClick={() => makeGridWorker(resident.id, resident.name)}>
            设为所选网格的网格员
          </BigButton>
          {resident.duties.map((role) => (
            <BigButton key={role} id={`revoke-${role}-${resident.id}`} secondary onClick={() => void revoke(resident.id, resident.name, role)}>
              解除{ROLE_LABELS[role]}
            </BigButton>
          ))}
          <BigButton
            id={`leave-for-${resident.id}`}
            secondary
            onClick={() => void Taro.navigateTo({ url: `/pages/account/leave/index?userId=${encodeURIComponent(resident.id)}` })}
          >
            代为注销账户
          </BigButton>
        </View>
      ))}
      {data && data.items.length === 0 ? <View className='muted'>没有找到。</View> : null}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </View>
  );
}
