import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe, fetchResidents } from '../../../services/community';
import { fileRequestOnBehalf } from '../../../services/requests';
import { newClientToken } from '../../../services/client-token';
import { CATEGORY_LABELS, REQUEST_CATEGORIES, URGENCIES, URGENCY_LABELS, type RequestCategory, type Urgency } from '../../../shared/domain/categories';
import { fieldLabel } from '../../../components/a11y';
import { PageRoot } from '../../../components/page-root';

/** 代办登记: staff file a request for a resident who has no phone; the request remembers who filed it. */
export default function FileRequestPage() {
  const [clientToken] = useState(newClientToken);
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  const { data, error } = useLoader(async () => ({ me: await fetchMe(), residents: query ? (await fetchResidents(query)).items : [] }), [query]);
  const [residentId, setResidentId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [category, setCategory] = useState<RequestCategory>('care_visit');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const { busy, error: actionError, run } = useAction();

  const resident = data?.residents.find((item) => item.id === residentId) ?? null;

  const submit = () => {
    if (!data) return;
    return run(async () => {
      const location = resident?.home ?? data.me.home ?? data.me.communityCenter;
      const request = await fileRequestOnBehalf({
        clientToken,
        category,
        urgency,
        description,
        address: address || resident?.address || '',
        location,
        photos: [],
        ...(resident ? { residentId: resident.id } : { newResident: { name: newName } }),
      });
      await Taro.redirectTo({ url: `/pages/request/detail/index?id=${request.id}` });
    });
  };

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='title'>1. 为谁登记</View>
      <TextField id='resident-search' label='查找已登记的居民（姓名、电话或地址）' value={keyword} onChange={setKeyword} maxlength={20} />
      <BigButton secondary onClick={() => setQuery(keyword.trim())}>
        查找
      </BigButton>
      {data && data.residents.length > 0 ? (
        <ChipSelect
          label='选择居民'
          idPrefix='resident'
          options={data.residents.map((item) => ({ value: item.id, label: `${item.name} ${item.address}` }))}
          selected={residentId ? [residentId] : []}
          onChange={(next) => setResidentId(next[0] ?? null)}
        />
      ) : null}
      {!resident ? <TextField id='new-resident-name' label='或：新居民的称呼（没有手机的老人等）' value={newName} onChange={setNewName} maxlength={20} /> : null}

      <View className='title'>2. 求助内容</View>
      <ChipSelect label='求助类型' idPrefix='category' options={REQUEST_CATEGORIES.map((item) => ({ value: item, label: CATEGORY_LABELS[item] }))} selected={[category]} onChange={(next) => setCategory(next[0] as RequestCategory)} />
      <Textarea id='behalf-description' className='field textarea' {...fieldLabel('求助描述')} value={description} maxlength={500} placeholder='请描述需要帮什么忙' onInput={(event) => setDescription(event.detail.value)} />
      <TextField id='behalf-address' label='地址' value={address || resident?.address || ''} onChange={setAddress} maxlength={120} />
      <ChipSelect label='紧急程度' options={URGENCIES.map((item) => ({ value: item, label: URGENCY_LABELS[item] }))} selected={[urgency]} onChange={(next) => setUrgency(next[0] as Urgency)} />
      <View className='muted'>接单党员将通过您的电话联系居民。</View>
      <BigButton id='behalf-submit' disabled={busy} onClick={submit}>
        代为提交
      </BigButton>
    </PageRoot>
  );
}
