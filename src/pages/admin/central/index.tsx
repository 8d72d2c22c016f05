import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchCentralHouseholds, fetchGrids, fetchMembers, saveCentralHousehold } from '../../../services/community';
import { PageRoot } from '../../../components/page-root';

/** 党员中心户: each links 5–10 members (1+5+15); the list warns when a link falls outside. */
export default function CentralHouseholdsPage() {
  const { data, error, reload } = useLoader(async () => {
    const [central, grids, members] = await Promise.all([fetchCentralHouseholds(), fetchGrids(), fetchMembers()]);
    return { central: central.items, grids: grids.items, members: members.items };
  }, []);
  const [name, setName] = useState('');
  const [gridId, setGridId] = useState<string | null>(null);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const { error: actionError, run } = useAction();
  const [warnings, setWarnings] = useState<string[]>([]);

  const save = () =>
    run(async () => {
      const saved = await saveCentralHousehold({ name, gridId: gridId ?? '', memberIds });
      setWarnings(saved.warnings);
      setName('');
      setMemberIds([]);
      await reload();
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data?.central.map((item) => (
        <View key={item.id} className='card central-item'>
          <View className='subtitle'>{item.name}</View>
          <View>联系党员：{item.members.map((member) => member.name).join('、') || '无'}</View>
          {item.warnings.map((warning) => (
            <View key={warning} className='error'>
              {warning}
            </View>
          ))}
        </View>
      ))}
      <View className='title'>新建党员中心户</View>
      <TextField id='central-name' label='名称' value={name} onChange={setName} maxlength={30} />
      <ChipSelect label='所在网格' options={(data?.grids ?? []).map((grid) => ({ value: grid.id, label: grid.name }))} selected={gridId ? [gridId] : []} onChange={(next) => setGridId(next[0] ?? null)} />
      <View className='subtitle'>联系的党员（建议 5–10 名）</View>
      <ChipSelect label='联系的党员' multiple options={(data?.members ?? []).map((member) => ({ value: member.userId, label: member.name }))} selected={memberIds} onChange={setMemberIds} />
      {warnings.map((warning) => (
        <View key={warning} className='error' role='alert'>
          {warning}
        </View>
      ))}
      <BigButton id='central-save' onClick={save}>
        保存
      </BigButton>
    </PageRoot>
  );
}
