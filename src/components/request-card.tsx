import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TRequestView } from '../shared/contracts/requests';
import { CATEGORY_LABELS, URGENCY_LABELS } from '../shared/domain/categories';
import { formatDistance } from '../shared/domain/geo';
import { REQUEST_STATE_LABELS } from '../shared/domain/request-state';
import { formatTime } from './format-time';

export interface RequestCardProps {
  request: TRequestView;
}

export function RequestCard({ request }: RequestCardProps) {
  const open = () => Taro.navigateTo({ url: `/pages/request/detail/index?id=${request.id}` });
  return (
    <View className='card request-card' role='link' onClick={open}>
      <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Text className='subtitle'>
          {CATEGORY_LABELS[request.category]}
          {request.urgency === 'urgent' ? `（${URGENCY_LABELS.urgent}）` : ''}
        </Text>
        <Text className='state'>{REQUEST_STATE_LABELS[request.state]}</Text>
      </View>
      <View>{request.description}</View>
      <View className='muted'>
        {request.contact.address}
        {request.distanceM !== null ? ` · 距您 ${formatDistance(request.distanceM)}` : ''}
      </View>
      {request.offer && request.offer.status === 'pending' ? <View className='muted'>推荐理由：{request.offer.reasons}</View> : null}
      <View className='muted'>{formatTime(request.createdAt)}</View>
    </View>
  );
}
