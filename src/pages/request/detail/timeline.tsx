import { View } from '@tarojs/components';
import { formatTime } from '../../../components/format-time';
import type { TRequestDetail } from '../../../shared/contracts/requests';

/** 办理进度: every step of the request, oldest first. */
export function Timeline({ entries }: { entries: TRequestDetail['timeline'] }) {
  return (
    <View className='card' id='timeline'>
      <View className='subtitle'>办理进度</View>
      {entries.map((entry, index) => (
        <View key={`${entry.at}-${index}`} className='timeline-item'>
          <View className='muted'>{formatTime(entry.at)}</View>
          <View>{entry.text}</View>
        </View>
      ))}
    </View>
  );
}
