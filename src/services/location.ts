import Taro from '@tarojs/taro';
import gcoord from 'gcoord';
import type { LatLng } from '../shared/domain/geo';
import { isLocalH5 } from './session';

/** The device's position in GCJ-02, the system WeChat maps and the server use. */
export async function getCurrentLocation(): Promise<LatLng> {
  if (isLocalH5) {
    // Browsers only give WGS-84; convert it as WeChat would have.
    const result = await Taro.getLocation({ type: 'wgs84' });
    const [lng, lat] = gcoord.transform([result.longitude, result.latitude], gcoord.WGS84, gcoord.GCJ02);
    return { lat, lng };
  }
  const result = await Taro.getLocation({ type: 'gcj02' });
  return { lat: result.latitude, lng: result.longitude };
}
