import Taro from '@tarojs/taro';
import gcoord from 'gcoord';
import type { LatLng } from '../shared/domain/geo';
import { noteConsent } from './privacy';
import { isLocalH5 } from './session';

/** The device's position in GCJ-02, the system WeChat maps and the server use. */
export async function getCurrentLocation(): Promise<LatLng> {
  if (isLocalH5) {
    // Browsers only give WGS-84; convert it as WeChat would have.
    const result = await Taro.getLocation({ type: 'wgs84' });
    const [lng, lat] = gcoord.transform([result.longitude, result.latitude], gcoord.WGS84, gcoord.GCJ02);
    noteConsent('location');
    return { lat, lng };
  }
  const result = await Taro.getLocation({ type: 'gcj02' });
  noteConsent('location');
  return { lat: result.latitude, lng: result.longitude };
}
