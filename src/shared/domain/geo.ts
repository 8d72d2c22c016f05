export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. GCJ-02 offsets are locally uniform, so this is exact enough inside a city. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/** A box that contains every point within `radiusM` of `center`; used to prefilter with a spatial index. */
export function boundingBox(center: LatLng, radiusM: number): BoundingBox {
  const angular = radiusM / EARTH_RADIUS_M;
  const dLat = angular * (180 / Math.PI);
  // The widest longitude a circle reaches is asin(sin r / cos φ), a little more than r / cos φ.
  const ratio = Math.sin(angular) / Math.cos(toRad(center.lat));
  const dLng = ratio >= 1 ? 180 : Math.asin(ratio) * (180 / Math.PI);
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

export function formatDistance(meters: number): string {
  const tens = Math.round(meters / 10) * 10;
  if (tens < 1000) return `${tens} m`;
  return `${(meters / 1000).toFixed(1)} km`;
}
