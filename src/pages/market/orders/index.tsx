import { View } from '@tarojs/components';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { LoadMore } from '../../../components/load-more';
import { useAction } from '../../../hooks/use-action';
import { usePagedLoader } from '../../../hooks/use-paged-loader';
import { cancelOrder, fetchMyOrders } from '../../../services/points';
import { REDEMPTION_STATUS_LABELS } from '../../../shared/domain/supermarket';
import { QrPicture } from '../../../components/qr-picture';
import { PageRoot } from '../../../components/page-root';

/** The member's redemptions; a pending order shows its pickup code for the shop to scan. */
export default function MyOrdersPage() {
  const { data, error, hasMore, loadMore, loadingMore, reload } = usePagedLoader((cursor?: string) => fetchMyOrders(cursor), []);
  const { error: actionError, run } = useAction();

  const cancel = (orderId: string) =>
    run(async () => {
      await cancelOrder(orderId);
      await reload();
    });

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      {data && data.items.length === 0 ? <View className='muted'>还没有兑换记录。</View> : null}
      {data?.items.map((order) => (
        <View key={order.id} className='card order-item' id={`order-${order.id}`}>
          <View className='row' style={{ justifyContent: 'space-between' }}>
            <View className='subtitle'>{order.shopName}</View>
            <View className='subtitle order-status'>{REDEMPTION_STATUS_LABELS[order.status]}</View>
          </View>
          <View>{order.lines.map((line) => `${line.name}×${line.qty}`).join('、')}</View>
          <View className='muted'>
            {formatTime(order.createdAt)} · {order.channel === 'order' ? '线上下单' : '到店兑换'} · {order.total} 分
          </View>
          {order.pickupCode ? (
            <View style={{ textAlign: 'center' }}>
              {order.pickupQr ? <QrPicture src={order.pickupQr} label='取货码' /> : null}
              <View className='muted'>到店请出示取货码{order.expiresAt ? `，${formatTime(order.expiresAt)} 前有效` : ''}</View>
              <View className='muted pickup-code' style={{ wordBreak: 'break-all' }}>
                {order.pickupCode}
              </View>
              <BigButton secondary onClick={() => void cancel(order.id)}>
                取消订单
              </BigButton>
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={loadMore} />
    </PageRoot>
  );
}
