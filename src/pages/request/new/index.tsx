import { Text, Textarea, Input, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { PhotoPicker, type PickedPhoto } from '../../../components/photo-picker';
import { useAction } from '../../../hooks/use-action';
import { findSimilarRequests, submitRequest } from '../../../services/requests';
import { timeAgoLabel } from '../../../shared/domain/time-ago';
import { askForSubscriptions } from '../../../services/subscribe';
import { messageOf } from '../../../services/transport';
import { newClientToken } from '../../../services/client-token';
import { CATEGORY_HINTS, CATEGORY_LABELS, REQUEST_CATEGORIES, URGENCIES, URGENCY_LABELS, type RequestCategory, type Urgency } from '../../../shared/domain/categories';
import type { LatLng } from '../../../shared/domain/geo';
import { getCurrentLocation } from '../../../services/location';
import { ChipSelect } from '../../../components/chip-select';
import { fetchMe, fetchSettings } from '../../../services/community';
import { fieldLabel } from '../../../components/a11y';
import { PageRoot } from '../../../components/page-root';

const MAX_DESCRIPTION = 500;
const MAX_PHOTOS = 3;

export default function NewRequestPage() {
  const [clientToken] = useState(newClientToken);
  const [category, setCategory] = useState<RequestCategory | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [location, setLocation] = useState<LatLng | null>(null);
  const [locationNote, setLocationNote] = useState('正在读取您登记的住址位置…');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const { busy: submitting, error, setError, run } = useAction();
  // The photo picker's upload holds the form like a submit does.
  const [uploading, setUploading] = useState(false);
  const busy = submitting || uploading;
  const [similar, setSimilar] = useState<{ distanceM: number; minutesAgo: number }[]>([]);
  const [neededSkill, setNeededSkill] = useState<string | null>(null);
  const [skills, setSkills] = useState<string[]>([]);

  // Tell the resident when the same problem nearby is already reported (they may still submit).
  useEffect(() => {
    if (!category || !location) return;
    let current = true;
    findSimilarRequests({ category, location })
      .then((result) => current && setSimilar(result.items))
      .catch(() => current && setSimilar([]));
    return () => {
      current = false;
    };
  }, [category, location]);

  useLoad(() => {
    fetchSettings()
      .then((settings) => setSkills(settings.skills))
      .catch(() => setSkills([]));
    fetchMe()
      .then((me) => {
        setAddress((current) => current || me.address);
        if (me.home) {
          setLocation(me.home);
          setLocationNote('已使用您登记的住址位置');
        } else {
          setLocation(me.communityCenter);
          setLocationNote('暂用社区位置；在家时请点击“使用当前位置”，派单更准');
        }
      })
      .catch((caught) => setError(messageOf(caught)));
  });

  const useCurrentLocation = async () => {
    try {
      setLocation(await getCurrentLocation());
      setLocationNote('已使用当前位置');
      setError(null);
    } catch {
      setLocationNote('没有取得当前位置，仍使用登记的住址位置');
    }
  };

  const submit = () => {
    if (!category) return setError('请先选择求助类型');
    if (!location) return setError('还没有位置，请点击“使用当前位置”');
    // WeChat asks "receive progress messages?" only during a tap: before anything is awaited.
    const asked = askForSubscriptions(['progress', 'notice']);
    return run(async () => {
      const request = await submitRequest({ clientToken, category, description, address, location, urgency, photos: photos.map((photo) => photo.id), neededSkill: category === 'wish' ? (neededSkill ?? undefined) : undefined });
      // Let the resident finish answering the prompt before the page changes under it.
      await asked;
      await Taro.redirectTo({ url: `/pages/request/detail/index?id=${request.id}` });
    });
  };

  return (
    <PageRoot>
      <View className='subtitle'>1. 需要哪方面的帮助？</View>
      <View className='row' role='radiogroup' aria-label='求助类型'>
        {REQUEST_CATEGORIES.map((item) => (
          <View
            key={item}
            id={`category-${item}`}
            className={`choice ${category === item ? 'selected' : ''}`}
            role='radio'
            aria-checked={category === item}
            onClick={() => setCategory(item)}
          >
            <Text className='choice-label'>{CATEGORY_LABELS[item]}</Text>
            <Text className='muted'>{CATEGORY_HINTS[item]}</Text>
          </View>
        ))}
      </View>

      {category === 'wish' ? (
        <View>
          <View className='muted'>心愿会发布到「微心愿墙」，附近的党员和志愿者看到后认领。</View>
          <ChipSelect
            label='需要哪方面的本领（可不选）'
            idPrefix='wish-skill'
            options={skills.map((skill) => ({ value: skill, label: skill }))}
            selected={neededSkill ? [neededSkill] : []}
            onChange={([skill]) => setNeededSkill(skill === neededSkill ? null : skill)}
          />
        </View>
      ) : null}

      {similar.length > 0 ? (
        <View className='card' id='similar-hint' role='status'>
          <View className='subtitle'>附近已有类似求助，正在处理：</View>
          {similar.map((item, index) => (
            <View key={index} className='muted'>
              · {item.distanceM < 10 ? '就在附近' : `约 ${item.distanceM} 米外`}，{timeAgoLabel(item.minutesAgo)}提交
            </View>
          ))}
          <View className='muted'>如果是同一件事，可以不用重复提交；不是的话请继续。</View>
        </View>
      ) : null}

      <View className='subtitle'>2. 请说说具体情况</View>
      <Textarea
        id='description'
        className='field textarea'
        {...fieldLabel('求助描述')}
        value={description}
        maxlength={MAX_DESCRIPTION}
        placeholder='例如：厨房水管漏水，地上全是水'
        onInput={(event) => setDescription(event.detail.value)}
      />
      <View className='muted'>
        {description.length}/{MAX_DESCRIPTION}
      </View>

      <View className='subtitle'>3. 地址</View>
      <Input id='address' className='field' {...fieldLabel('地址')} value={address} maxlength={120} onInput={(event) => setAddress(event.detail.value)} />
      <View className='muted' id='location-note' role='status'>
        {locationNote}
      </View>
      <BigButton id='use-location' secondary onClick={useCurrentLocation}>
        使用当前位置
      </BigButton>

      <View className='subtitle'>4. 紧急程度</View>
      <View className='row' role='radiogroup' aria-label='紧急程度'>
        {URGENCIES.map((item) => (
          <View key={item} id={`urgency-${item}`} className={`choice ${urgency === item ? 'selected' : ''}`} role='radio' aria-checked={urgency === item} onClick={() => setUrgency(item)}>
            <Text className='choice-label'>{URGENCY_LABELS[item]}</Text>
          </View>
        ))}
      </View>

      <View className='subtitle'>5. 照片（可选，最多 3 张）</View>
      <PhotoPicker photos={photos} onChange={setPhotos} onBusy={setUploading} onError={setError} disabled={busy} max={MAX_PHOTOS} />

      <ErrorText message={error} />
      <BigButton id='submit-request' disabled={busy} onClick={submit}>
        {busy ? '正在提交…' : '提交求助'}
      </BigButton>
    </PageRoot>
  );
}
