import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { LoadMore } from '../../../components/load-more';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { createBuilding, createGrid, createHousehold, fetchBuildings, fetchGrids, fetchHouseholds } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

/** Grids (网格), their buildings and households. */
export default function StructurePage() {
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  const { data, error, reload } = useLoader(async () => {
    const [grids, buildings] = await Promise.all([fetchGrids(), fetchBuildings()]);
    return { grids: grids.items, buildings: buildings.items };
  }, []);
  const households = usePagedLoader((cursor?: string) => fetchHouseholds(query || undefined, cursor), [query]);
  const [gridName, setGridName] = useState('');
  const [buildingName, setBuildingName] = useState('');
  const [buildingGrid, setBuildingGrid] = useState<string | null>(null);
  const [householdBuilding, setHouseholdBuilding] = useState<string | null>(null);
  const [door, setDoor] = useState('');
  const { error: actionError, run: runAction } = useAction();

  /** Creates a grid, building or household, clears its field and shows the lists again. */
  const run = (work: () => Promise<unknown>, reset: () => void) =>
    runAction(async () => {
      await work();
      reset();
      await Promise.all([reload(), households.reload()]);
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='title'>网格</View>
      {data?.grids.map((grid) => (
        <View key={grid.id} className='card grid-item'>
          <View className='subtitle'>{grid.name}</View>
          <View className='muted'>
            网格员：{grid.workers.map((worker) => worker.name).join('、') || '未设置'} · {grid.buildingCount} 栋楼 · {grid.memberCount} 名党员
          </View>
        </View>
      ))}
      <TextField id='grid-name' label='新网格名称' value={gridName} onChange={setGridName} maxlength={30} />
      <BigButton id='grid-create' secondary onClick={() => run(() => createGrid(gridName), () => setGridName(''))}>
        新建网格
      </BigButton>

      <View className='title'>楼栋</View>
      {data?.buildings.map((building) => (
        <View key={building.id} className='card'>
          {building.name} · {building.gridName} · {building.householdCount} 户
        </View>
      ))}
      <TextField id='building-name' label='新楼栋名称' value={buildingName} onChange={setBuildingName} maxlength={30} placeholder='例如：幸福里小区 9 栋' />
      <ChipSelect label='所属网格' options={(data?.grids ?? []).map((grid) => ({ value: grid.id, label: grid.name }))} selected={buildingGrid ? [buildingGrid] : []} onChange={(next) => setBuildingGrid(next[0] ?? null)} />
      <BigButton id='building-create' secondary onClick={() => run(() => createBuilding(buildingName, buildingGrid ?? ''), () => setBuildingName(''))}>
        新建楼栋
      </BigButton>

      <View className='title'>住户</View>
      <TextField id='household-search' label='搜索住户地址' value={keyword} onChange={setKeyword} maxlength={20} />
      <BigButton secondary onClick={() => setQuery(keyword.trim())}>
        搜索
      </BigButton>
      <ErrorText message={households.error} />
      {households.data?.items.map((household) => (
        <View key={household.id} className='card household-item'>
          <View>{household.address}</View>
          <View className='muted'>
            居民：{household.residentNames.join('、') || '无'} · 联系党员：{household.linkedMemberNames.join('、') || '无'}
          </View>
        </View>
      ))}
      <LoadMore hasMore={households.hasMore} loading={households.loadingMore} onLoadMore={households.loadMore} />
      <ChipSelect label='住户所在楼栋' options={(data?.buildings ?? []).map((building) => ({ value: building.id, label: building.name }))} selected={householdBuilding ? [householdBuilding] : []} onChange={(next) => setHouseholdBuilding(next[0] ?? null)} />
      <TextField id='household-door' label='单元和门牌号' value={door} onChange={setDoor} maxlength={30} placeholder='例如：2 单元 401' />
      <BigButton id='household-create' secondary onClick={() => run(() => createHousehold(householdBuilding ?? '', door), () => setDoor(''))}>
        登记住户
      </BigButton>
    </PageRoot>
  );
}
