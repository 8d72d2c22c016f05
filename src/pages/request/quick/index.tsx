import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMe } from '../../../services/community';
import { submitRequest } from '../../../services/requests';
import { askForSubscriptions } from '../../../services/subscribe';
import { newClientToken } from '../../../services/client-token';
import { CATEGORY_LABELS, type RequestCategory } from '../../../shared/domain/categories';
import { QUICK_PHRASES } from '../../../shared/domain/quick-phrases';
import { PageRoot } from '../../../components/page-root';

type QuickCategory = keyof typeof QUICK_PHRASES;
const CATEGORIES = Object.keys(QUICK_PHRASES) as QuickCategory[];

/**
 * 关怀模式的求助: pick what kind of help (one tap), pick a ready-made sentence (one tap), send (one tap).
 * The address and position are the ones registered for the resident's home.
 */
export default function QuickRequestPage() {
  const { data: me, error: loadError } = useLoader(fetchMe, []);
  const [category, setCategory] = useState<QuickCategory | null>(null);
  const [phrase, setPhrase] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const clientToken = useMemo(newClientToken, [category, phrase]);

  const send = () => {
    // WeChat asks "receive progress messages?" only during a tap: before anything is awaited.
    const asked = askForSubscriptions(['progress', 'notice']);
    return run(async () => {
      if (!me || !category || !phrase) return;
      const location = me.home ?? me.communityCenter;
      const request = await submitRequest({ clientToken, category: category as RequestCategory, description: phrase, address: me.address || me.communityName, location, urgency: 'normal', photos: [] });
      await asked;
      await Taro.redirectTo({ url: `/pages/request/detail/index?id=${request.id}` });
    });
  };

  return (
    <PageRoot>
      <ErrorText message={loadError ?? error} />
      <View className='title'>{category ? `${CATEGORY_LABELS[category]}：请选一句话` : '您需要哪种帮助？'}</View>
      {!category
        ? CATEGORIES.map((item) => (
            <BigButton key={item} id={`quick-category-${item}`} secondary onClick={() => setCategory(item)}>
              {CATEGORY_LABELS[item]}
            </BigButton>
          ))
        : null}
      {category && !phrase
        ? QUICK_PHRASES[category].map((text, index) => (
            <BigButton key={text} id={`quick-phrase-${index}`} secondary onClick={() => setPhrase(text)}>
              {text}
            </BigButton>
          ))
        : null}
      {category && phrase ? (
        <View className='card' id='quick-confirm'>
          <View className='subtitle'>{phrase}</View>
          <View className='muted'>地址：{me?.address || me?.communityName}</View>
          <View className='muted'>电话：{me?.phone}</View>
          <BigButton id='quick-send' disabled={busy || !me} onClick={() => void send()}>
            {busy ? '正在发送…' : '发送求助'}
          </BigButton>
          <BigButton id='quick-change' secondary onClick={() => setPhrase(null)}>
            换一句
          </BigButton>
        </View>
      ) : null}
      {category ? (
        <BigButton id='quick-back' secondary onClick={() => (phrase ? setPhrase(null) : setCategory(null))}>
          返回上一步
        </BigButton>
      ) : null}
    </PageRoot>
  );
}
