import { View } from '@tarojs/components';
import type { TReceipt } from '../shared/contracts/points';
import { REDEMPTION_STATUS_LABELS } from '../shared/domain/supermarket';
import { formatTime } from './format-time';

/** What both sides see after a redemption or a pickup. */
export function ReceiptCard({ receipt, id }: { receipt: TReceipt; id: string }) {
  const { redemption } = receipt;
  return (
    <View className='card' id={id}>
      <View className='title'>{REDEMPTION_STATUS_LABELS[redemption.status]}</View>
      <View>
        {redemption.shopName} · {redemption.memberName}
      </View>
      {redemption.lines.map((line) => (
        <View key={line.itemId}>
          {line.name} × {line.qty} = {line.price * line.qty} 分
        </View>
      ))}
      <View className='subtitle receipt-total'>合计扣除 {redemption.total} 分</View>
      <View className='receipt-available'>对方剩余可用 {receipt.memberAvailable} 分</View>
      <View className='muted'>{formatTime(redemption.createdAt)}</View>
    </View>
  );
}
