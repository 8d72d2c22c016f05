import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { QrImage } from '../../../components/qr-image';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe, fetchServicePoints, saveServicePoint } from '../../../services/community';
import { SERVICE_POINT_KIND_LABELS, SERVICE_POINT_KINDS, type ServicePointKind } from '../../../shared/domain/community-settings';
import type { LatLng } from '../../../shared/domain/geo';
import { getCurrentLocation } from '../../../services/location';
import { PageRoot } from '../../../components/page-root';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** Service points (服务区 / 代办窗口) where members check in; each has a QR code with `sp=<id>`. */
export default function ServicePointsPage() {
  const { data, error, reload } = useLoader(async () => ({ points: (await fetchServicePoints()).items, me: await fetchMe() }), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ServicePointKind>('errand_window');
  const [radius, setRadius] = useState('100');
  const [open, setOpen] = useState('08:30');
  const [close, setClose] = useState('17:30');
  const [weekdays, setWeekdays] = useState<string[]>(['1', '2', '3', '4', '5']);
  const [location, setLocation] = useState<LatLng | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const { error: actionError, setError: setActionError, run } = useAction();

  const locate = async () => {
    try {
      setLocation(await getCurrentLocation());
    } catch {
      setActionError('没有取得当前位置，请在服务点现场重试');
    }
  };

  const save = () => {
    const place = location ?? data?.me.home ?? null;
    if (!place) return setActionError('请先在服务点现场点击“使用当前位置”');
    return run(async () => {
      await saveServicePoint({ name, kind, location: place, radiusM: Number(radius), openingHours: { weekdays: weekdays.map(Number), open, close } });
      setName('');
      await reload();
    });
  };

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data?.points.map((point) => (
        <View key={point.id} className='card service-point-item'>
          <View className='subtitle'>
            {point.name}（{SERVICE_POINT_KIND_LABELS[point.kind]}）
          </View>
          <View className='muted'>
            周{point.openingHours.weekdays.map((day) => WEEKDAYS[day - 1]).join('、')} {point.openingHours.open}–{point.openingHours.close} · 打卡范围 {point.radiusM} 米
          </View>
          <BigButton secondary onClick={() => setShown(shown === point.id ? null : point.id)}>
            {shown === point.id ? '收起二维码' : '显示打卡二维码'}
          </BigButton>
          {shown === point.id ? <QrImage kind='service_point' id={point.id} caption={point.name} /> : null}
        </View>
      ))}
      <View className='title'>新建服务点</View>
      <TextField id='point-name' label='名称' value={name} onChange={setName} maxlength={30} />
      <ChipSelect label='类型' options={SERVICE_POINT_KINDS.map((item) => ({ value: item, label: SERVICE_POINT_KIND_LABELS[item] }))} selected={[kind]} onChange={(next) => setKind(next[0] as ServicePointKind)} />
      <TextField id='point-radius' label='打卡范围（米）' value={radius} onChange={setRadius} type='number' maxlength={4} />
      <TextField id='point-open' label='开门时间' value={open} onChange={setOpen} maxlength={5} />
      <TextField id='point-close' label='关门时间' value={close} onChange={setClose} maxlength={5} />
      <View className='subtitle'>开放日</View>
      <ChipSelect label='开放日' multiple options={WEEKDAYS.map((day, index) => ({ value: String(index + 1), label: `周${day}` }))} selected={weekdays} onChange={setWeekdays} />
      <View className='muted'>{location ? '位置：已使用当前位置' : '位置：默认使用您登记的位置，请在现场点击下方按钮'}</View>
      <BigButton secondary onClick={locate}>
        使用当前位置
      </BigButton>
      <BigButton id='point-save' onClick={save}>
        保存服务点
      </BigButton>
    </PageRoot>
  );
}
