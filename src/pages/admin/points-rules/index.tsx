import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchEarningRules, updateEarningRules } from '../../../services/points';
import { CATEGORY_LABELS, REQUEST_CATEGORIES } from '../../../shared/domain/categories';
import type { EarningRules } from '../../../shared/domain/points-rules';
import { PageRoot } from '../../../components/page-root';

type NumberField = Exclude<keyof EarningRules, 'completion'>;

const FIELDS: [NumberField, string][] = [
  ['urgentBonus', '紧急求助加分'],
  ['ratingBonus', '好评加分'],
  ['ratingBonusMinStars', '几星及以上算好评'],
  ['dutyPointsPerHour', '值守每小时积分'],
  ['dutyDailyCap', '值守每天最多积分'],
  ['autoCheckoutMaxHours', '忘记签退最多记几小时'],
  ['activityPoints', '活动默认积分'],
  ['activityDailyCap', '活动每天最多积分'],
  ['adjustmentLimit', '管理员单次调整上限'],
  ['orderPickupHours', '线上订单取货时限（小时）'],
];

/** How members earn in this community; changes apply to later postings only. */
export default function PointsRulesPage() {
  const { data, error } = useLoader(() => fetchEarningRules(), []);
  const [form, setForm] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const { error: actionError, run } = useAction();

  useEffect(() => {
    if (!data) return;
    const values: Record<string, string> = {};
    for (const category of REQUEST_CATEGORIES) values[`completion.${category}`] = String(data.completion[category]);
    for (const [field] of FIELDS) values[field] = String(data[field]);
    setForm(values);
  }, [data]);

  const save = () => {
    setMessage(null);
    const completion = Object.fromEntries(REQUEST_CATEGORIES.map((category) => [category, Number(form[`completion.${category}`])])) as EarningRules['completion'];
    const rest = Object.fromEntries(FIELDS.map(([field]) => [field, Number(form[field])])) as Omit<EarningRules, 'completion'>;
    return run(async () => {
      await updateEarningRules({ completion, ...rest });
      setMessage('已保存，之后的积分按新规则计算');
    });
  };

  const field = (key: string, label: string) => (
    <TextField key={key} id={`rule-${key.replace('.', '-')}`} label={label} value={form[key] ?? ''} onChange={(value) => setForm({ ...form, [key]: value })} type='number' maxlength={6} />
  );
  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='subtitle'>办结求助得分</View>
      {REQUEST_CATEGORIES.map((category) => field(`completion.${category}`, CATEGORY_LABELS[category]))}
      <View className='subtitle'>其他规则</View>
      {FIELDS.map(([key, label]) => field(key, label))}
      {message ? <View className='subtitle'>{message}</View> : null}
      <BigButton id='rules-save' onClick={() => void save()}>
        保存规则
      </BigButton>
    </PageRoot>
  );
}
