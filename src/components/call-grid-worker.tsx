import { View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../hooks/use-action';
import { fetchMyGridWorker } from '../services/community';
import { callPhone } from '../services/care-mode';
import { BigButton } from './big-button';
import { ErrorText } from './error-text';

interface Contact {
  name: string;
  phone: string;
  role: 'grid_worker' | 'admin';
}

/** 联系网格员: one tap shows who to call and their number; a second tap dials it. */
export function CallGridWorker({ secondary }: { secondary?: boolean }) {
  const [contact, setContact] = useState<Contact | null | undefined>(undefined);
  const { busy, error, run } = useAction();
  const show = () => run(async () => setContact((await fetchMyGridWorker()).contact));
  return (
    <View>
      <BigButton id='call-grid-worker' secondary={secondary} disabled={busy} onClick={() => void show()}>
        联系网格员
      </BigButton>
      <ErrorText message={error} />
      {contact === null ? <View className='muted'>社区还没有登记网格员的电话</View> : null}
      {contact ? (
        <View className='card' id='grid-worker-card' role='status'>
          <View className='subtitle'>
            {contact.role === 'grid_worker' ? '您的网格员' : '社区工作人员'}：{contact.name}
          </View>
          <View className='title' id='grid-worker-phone'>
            {contact.phone}
          </View>
          <BigButton id='dial-grid-worker' onClick={() => void callPhone(contact.phone)}>
            拨打电话
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
