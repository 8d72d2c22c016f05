import { Button, Text, View } from '@tarojs/components';
import { createPortal } from '@tarojs/react';
import { document, type TaroElement } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

const AGREE_BUTTON_ID = 'privacy-agree';

/** The current page's root node: the consent is drawn there, over whatever page asked for a private thing. */
function currentPageRoot(): TaroElement | null {
  const pageId = Taro.getCurrentInstance().router?.$taroPath;
  return pageId ? document.getElementById(pageId) : null;
}

/**
 * (WeChat only: other builds get `privacy-consent.tsx`, which draws nothing.)
 *
 * 隐私保护指引 (weapp, `__usePrivacyCheck__`): WeChat holds a private API (location, photos, scanning…)
 * the first time it is used and asks us to show our privacy notice. Mounted once, by the app; it draws
 * itself onto the current page. 同意 must be WeChat's own agree button; 拒绝 lets the held API fail,
 * and the page carries on without it (the request form keeps the registered address, for instance).
 */
export function PrivacyConsent() {
  const pending = useRef<Resolve[]>([]);
  const [host, setHost] = useState<TaroElement | null>(null);

  useEffect(() => {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current.push(resolve);
      const root = currentPageRoot();
      if (!root) {
        // No page to draw on: let the API fail rather than leave it waiting for ever.
        settle({ event: 'disagree' });
        return;
      }
      resolve({ event: 'exposureAuthorization' });
      setHost(root);
    });
  }, []);

  function settle(option: Taro.onNeedPrivacyAuthorization.ResolveOption) {
    const waiting = pending.current;
    pending.current = [];
    for (const resolve of waiting) {
      try {
        resolve(option);
      } catch {
        // An answer WeChat no longer waits for.
      }
    }
    setHost(null);
  }

  const openContract = () => {
    try {
      Taro.openPrivacyContract({ fail: () => Taro.showToast({ title: '暂时打不开，请稍后再试', icon: 'none' }) });
    } catch {
      // Older WeChat without the contract page: nothing to open.
    }
  };

  if (!host) return null;
  return createPortal(
    <View className='privacy-mask' role='dialog' aria-modal='true' aria-labelledby='privacy-title'>
      <View className='privacy-sheet'>
        <View className='title' id='privacy-title'>
          用户隐私保护提示
        </View>
        <View>
          为了把您的求助派给附近的党员、上传照片和扫码签到，党员代办需要使用您的位置、照片等信息。我们只在您使用这些功能时收集，并按
          <Text className='privacy-inline-link' onClick={openContract}>
            《党员代办隐私保护指引》
          </Text>
          保护您的信息。
        </View>
        <View className='muted'>点“同意”后继续；点“拒绝”也能使用其他功能。</View>
        <Button
          id={AGREE_BUTTON_ID}
          className='big-button privacy-button'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => settle({ buttonId: AGREE_BUTTON_ID, event: 'agree' })}
        >
          同意
        </Button>
        <Button id='privacy-refuse' className='big-button secondary privacy-button' onClick={() => settle({ event: 'disagree' })}>
          拒绝
        </Button>
        <View className='privacy-link' role='link' onClick={openContract}>
          查看完整的隐私保护指引
        </View>
      </View>
    </View>,
    host,
  );
}
