import { View } from '@tarojs/components';

export function ErrorText({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <View className='error' role='alert'>
      {message}
    </View>
  );
}
