import { createElement, Fragment, type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { PrivacyConsent } from './components/privacy-consent';
import { labelImagePicker, makePagesKeyboardScrollable } from './services/h5-pages';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
    if (process.env.TARO_ENV === 'h5') {
      makePagesKeyboardScrollable();
      labelImagePicker();
    }
  });
  // The privacy consent is mounted once for the whole app; it draws itself onto the page that needs it.
  if (process.env.TARO_ENV === 'weapp') return createElement(Fragment, null, children, createElement(PrivacyConsent));
  return children;
}

export default App;
