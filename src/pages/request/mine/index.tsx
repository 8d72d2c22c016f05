import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { RequestCard } from '../../../components/request-card';
import { useLoader } from '../../../hooks/use-loader';
import { fetchMyRequests } from '../../../services/api';

export default function MyRequestsPage() {
  const load = useCallback(() => fetchMyRequests(), []);
  const { data, error } = useLoader(load);
  return (
    <View className='page'>
      <ErrorText message={error} />
      {data && data.items.length === 0 ? <View className='muted'>您还没有提交过求助。</View> : null}
      {data?.items.map((request) => <RequestCard key={request.id} request={request} />)}
      <BigButton onClick={() => Taro.navigateTo({ url: '/pages/request/new/index' })}>我要求助</BigButton>
    </View>
  );
}
