import fc from 'fast-check';
import { boundingBox, distanceMeters, formatDistance, type BoundingBox, type LatLng } from '../../src/shared/domain/geo';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `distanceM` from `start` along initial bearing `bearingDeg` on the sphere (standard destination formula). */
function destination(start: LatLng, bearingDeg: number, distanceM: number): LatLng {
  const d = distanceM / EARTH_RADIUS_M;
  const lat1 = rad(start.lat);
  const brg = rad(bearingDeg);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(brg));
  const lng2 = rad(start.lng) + Math.atan2(Math.sin(brg) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: deg(lat2), lng: deg(lng2) };
}

function contains(box: BoundingBox, p: LatLng, slackDeg = 0): boolean {
  return p.lat >= box.minLat - slackDeg && p.lat <= box.maxLat + slackDeg && p.lng >= box.minLng - slackDeg && p.lng <= box.maxLng + slackDeg;
}

/** Coordinates inside mainland China, where the app runs. */
const arbChinaPoint = fc.record({
  lat: fc.double({ min: 18, max: 53.5, noNaN: true }),
  lng: fc.double({ min: 73.5, max: 135, noNaN: true }),
});

describe('distanceMeters', () => {
  test('0.01° of latitude is about 1112 m', () => {
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 30.01, lng: 120 })).toBeCloseTo(1111.95, 1);
  });

  test('1° of longitude is 111.2 km on the equator and about half that at 60°N', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195.08, 1);
    expect(distanceMeters({ lat: 60, lng: 10 }, { lat: 60, lng: 11 })).toBeCloseTo(55_597.01, 1);
  });

  test('Tiananmen to People’s Square, Shanghai is about 1068 km', () => {
    const d = distanceMeters({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 });
    expect(d).toBeGreaterThan(1_066_000);
    expect(d).toBeLessThan(1_070_000);
  });

  test('antipodes are half the circumference apart', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 0);
  });

  test('property: zero for the same point, symmetric, never negative', () => {
    fc.assert(
      fc.property(arbChinaPoint, arbChinaPoint, (a, b) => {
        expect(distanceMeters(a, a)).toBe(0);
        const ab = distanceMeters(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeCloseTo(distanceMeters(b, a), 6);
      }),
    );
  });

  test('property: the destination formula round-trips through distanceMeters', () => {
    fc.assert(
      fc.property(arbChinaPoint, fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 0, max: 50_000, noNaN: true }), (c, bearing, d) => {
        expect(distanceMeters(c, destination(c, bearing, d))).toBeCloseTo(d, 3);
      }),
    );
  });

  test('property: triangle inequality', () => {
    fc.assert(
      fc.property(arbChinaPoint, arbChinaPoint, arbChinaPoint, (a, b, c) => {
        expect(distanceMeters(a, c)).toBeLessThanOrEqual(distanceMeters(a, b) + distanceMeters(b, c) + 1e-6);
      }),
    );
  });
});

describe('boundingBox', () => {
  test('on the equator the half-width is the radius in degrees both ways', () => {
    const box = boundingBox({ lat: 0, lng: 0 }, 1111.9508);
    expect(box.maxLat).toBeCloseTo(0.01, 8);
    expect(box.minLat).toBeCloseTo(-0.01, 8);
    expect(box.maxLng).toBeCloseTo(0.01, 8);
    expect(box.minLng).toBeCloseTo(-0.01, 8);
  });

  test('at 60°N the box is twice as wide in longitude as in latitude', () => {
    const box = boundingBox({ lat: 60, lng: 10 }, 2000);
    const halfLat = (box.maxLat - box.minLat) / 2;
    const halfLng = (box.maxLng - box.minLng) / 2;
    expect(halfLat).toBeCloseTo(2000 / 111_195.08, 8);
    expect(halfLng / halfLat).toBeCloseTo(2, 5);
    expect((box.maxLat + box.minLat) / 2).toBeCloseTo(60, 10);
    expect((box.maxLng + box.minLng) / 2).toBeCloseTo(10, 10);
  });

  test('a zero radius collapses to the centre', () => {
    expect(boundingBox({ lat: 31.2, lng: 121.5 }, 0)).toEqual({ minLat: 31.2, maxLat: 31.2, minLng: 121.5, maxLng: 121.5 });
  });

  test('property: contains every point within the radius (dispatch radii, China)', () => {
    // The box is only a prefilter; allow 1e-9° (≈ 0.1 mm) for floating-point error of the point construction.
    fc.assert(
      fc.property(
        arbChinaPoint,
        fc.integer({ min: 100, max: 10_000 }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (center, radiusM, bearing, fraction) => {
          const p = destination(center, bearing, radiusM * fraction);
          expect(distanceMeters(center, p)).toBeLessThanOrEqual(radiusM + 1e-6);
          expect(contains(boundingBox(center, radiusM), p, 1e-9)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('property: points well outside the box are farther than the radius', () => {
    fc.assert(
      fc.property(arbChinaPoint, fc.integer({ min: 100, max: 10_000 }), arbChinaPoint, (center, radiusM, p) => {
        if (!contains(boundingBox(center, radiusM), p)) expect(distanceMeters(center, p)).toBeGreaterThan(radiusM);
      }),
    );
  });

  // Regression: the half-width must be asin(sin(r/R) / cos(lat)), not dLat / cos(lat), which missed ≈ 12 m here.
  test('contains the easternmost point of a 100 km circle at 60°N', () => {
    const center = { lat: 60, lng: 10 };
    const box = boundingBox(center, 100_000);
    let easternmost = center;
    for (let bearing = 80; bearing <= 90; bearing += 0.01) {
      const p = destination(center, bearing, 100_000);
      if (p.lng > easternmost.lng) easternmost = p;
    }
    expect(easternmost.lng).toBeLessThanOrEqual(box.maxLng);
  });
});

describe('formatDistance', () => {
  test.each<[number, string]>([
    [0, '0 m'],
    [4, '0 m'],
    [5, '10 m'],
    [320, '320 m'],
    [324.9, '320 m'],
    [325, '330 m'],
    [994, '990 m'],
    [1000, '1.0 km'],
    [1234, '1.2 km'],
    [1260, '1.3 km'],
    [15_000, '15.0 km'],
  ])('%d m → %s', (meters, text) => {
    expect(formatDistance(meters)).toBe(text);
  });

  // Regression: 995–999.99 m used to round up to "1000 m".
  test('995 m is shown as 1.0 km, not "1000 m"', () => {
    expect(formatDistance(995)).toBe('1.0 km');
  });
});
