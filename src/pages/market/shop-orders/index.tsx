import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchShopDay, refundRedemption } from '../../../services/points';
import type { TRedemptionView } from '../../../shared/contracts/points';
import { REDEMPTION_STATUS_LABELS } from '../../../shared/domain/supermarket';
import { PageRoot } from '../../../components/page-root';

function RedemptionLine({ redemption, children }: { redemption: TRedemptionView; children?: JSX.Element | null }) {
  return (
    <View className='card shop-redemption' id={`redemption-${redemption.id}`}>
      <View className='row' style={{ justifyContent: 'space-between' }}>
        <View className='subtitle'>{redemption.memberName}</View>
        <View className='subtitle'>{REDEMPTION_STATUS_LABELS[redemption.status]}</View>
      </View>
      <View>{redemption.lines.map((line) => `${line.name}×${line.qty}`).join('、')}</View>
      <View className='muted'>
        {formatTime(redemption.createdAt)} · {redemption.channel === 'order' ? '线上订单' : '到店'} · {redemption.total} 分
      </View>
      {children ?? null}
    </View>
  );
}

/** Today at the till: what was redeemed (refundable the same day, with a reason) and orders waiting for pickup. */
export default function ShopOrdersPage() {
  const { data, error, reload } = useLoader(() => fetchShopDay(), []);
  const [refunding, setRefunding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { error: actionError, run } = useAction();

  const refund = (redemptionId: string) =>
    run(async () => {
      await refundRedemption(redemptionId, reason);
      setRefunding(null);
      setReason('');
      await reload();
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data ? (
        <View className='card'>
          <View className='title'>{data.shop.name}</View>
          <View id='shop-day-total'>今日兑换 {data.todayTotal} 分</View>
        </View>
      ) : null}
      <View className='subtitle'>今日记录</View>
      {data && data.today.length === 0 ? <View className='muted'>今天还没有兑换。</View> : null}
      {data?.today.map((redemption) => (
        <RedemptionLine key={redemption.id} redemption={redemption}>
          {redemption.refundable ? (
            refunding === redemption.id ? (
              <View>
                <TextField id='refund-reason' label='退还原因' value={reason} onChange={setReason} maxlength={100} />
                <BigButton id='refund-confirm' onClick={() => void refund(redemption.id)}>
                  确认退还 {redemption.total} 分
                </BigButton>
              </View>
            ) : (
              <BigButton secondary onClick={() => setRefunding(redemption.id)}>
                退还
              </BigButton>
            )
          ) : null}
        </RedemptionLine>
      ))}
      <View className='subtitle'>待取货订单</View>
      {data && data.pendingOrders.length === 0 ? <View className='muted'>没有待取货的订单。</View> : null}
      {data?.pendingOrders.map((order) => (
        <RedemptionLine key={order.id} redemption={order}>
          {order.expiresAt ? <View className='muted'>{formatTime(order.expiresAt)} 前取货</View> : null}
        </RedemptionLine>
      ))}
    </PageRoot>
  );
}
