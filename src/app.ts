import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { labelImagePicker, makePagesKeyboardScrollable } from './services/h5-pages';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true });
    if (process.env.TARO_ENV === 'h5') {
      makePagesKeyboardScrollable();
      labelImagePicker();
    }
  });
  return children;
}

export default App;
