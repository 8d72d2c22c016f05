import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ConfirmSheet } from '../../../components/confirm-sheet';
import { ErrorText } from '../../../components/error-text';
import { PageRoot } from '../../../components/page-root';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { checkDeletion, deleteAccount } from '../../../services/privacy';
import { clearLocalOpenid, isLocalH5 } from '../../../services/session';

/**
 * 注销账户: what goes and what the community keeps, what must be settled first, then a confirmation.
 * With `?userId=` an admin does it for a resident of their community (one without a phone).
 */
export default function LeavePage() {
  const userId = useRouter().params.userId || undefined;
  const forOther = userId !== undefined;
  const { data: check, error } = useLoader(() => checkDeletion(userId), [userId]);
  const [confirming, setConfirming] = useState(false);
  const { busy, error: deleteError, run } = useAction();

  const confirm = () =>
    run(async () => {
      await deleteAccount(userId);
      setConfirming(false);
      await Taro.showToast({ title: forOther ? '已为居民注销' : '账户已注销', icon: 'success' });
      if (forOther) {
        await Taro.navigateBack();
        return;
      }
      // The phone is now a stranger to the app: start again from the beginning.
      if (isLocalH5) clearLocalOpenid();
      await Taro.reLaunch({ url: '/pages/index/index' });
    });

  const who = forOther ? (check?.name ?? '该居民') : '您';
  return (
    <PageRoot>
      <ErrorText message={error} />
      {check ? (
        <View>
          <View className='title'>{forOther ? `代 ${check.name} 注销账户` : '注销我的账户'}</View>
          {check.refusals.length > 0 ? (
            <View className='card' id='leave-refusals' role='alert'>
              <View className='subtitle'>现在还不能注销</View>
              {check.refusals.map((reason) => (
                <View key={reason} className='leave-reason'>
                  {reason}
                </View>
              ))}
            </View>
          ) : null}
          <View className='card' id='leave-erased'>
            <View className='subtitle'>注销后会删除</View>
            {check.erased.map((item) => (
              <View key={item} className='leave-item'>
                · {item}
              </View>
            ))}
          </View>
          <View className='card' id='leave-kept'>
            <View className='subtitle'>社区台账会保留</View>
            {check.kept.map((item) => (
              <View key={item} className='leave-item'>
                · {item}
              </View>
            ))}
          </View>
          {check.pointsToForfeit > 0 ? (
            <View className='card' id='leave-points'>
              {who}还有 <View className='leave-points'>{check.pointsToForfeit} 积分</View>，注销后作废，不能恢复。可以先到积分超市兑换。
            </View>
          ) : null}
          <View className='muted'>注销后不能恢复。以后再扫社区二维码加入，会是一个新账户。</View>
          {check.refusals.length === 0 ? (
            <BigButton id='leave-start' onClick={() => setConfirming(true)}>
              {forOther ? `为 ${check.name} 注销` : '注销账户'}
            </BigButton>
          ) : null}
          <BigButton id='leave-back' secondary onClick={() => void Taro.navigateBack()}>
            返回
          </BigButton>
        </View>
      ) : null}
      <ErrorText message={deleteError} />
      {confirming && check ? (
        <ConfirmSheet
          id='leave-confirm'
          title='确定注销吗？'
          message={`注销后${who === '您' ? '您' : ` ${check.name} `}的称呼、手机号、地址、照片和写的内容都会删除，不能恢复。`}
          confirmLabel='确定注销'
          busy={busy}
          onConfirm={() => void confirm()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </PageRoot>
  );
}
