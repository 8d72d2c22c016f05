/**
 * WeChat's canvas 2D node as the charts use it (`type="2d"`, found with a selector query): a backing
 * store sized by hand, and a 2D context that records each drawing call, so a test can see a chart was
 * drawn (bars filled, labels written) without a real canvas.
 */
export class RecordingCanvas {
  readonly operations: string[] = [];
  readonly texts: string[] = [];

  constructor(
    public width: number,
    public height: number,
  ) {}

  getContext(type: string): Record<string, unknown> {
    if (type !== '2d') throw new Error(`canvas.getContext('${type}'): only 2d is used`);
    const canvas = this;
    const state: Record<string, unknown> = { fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', globalAlpha: 1, lineCap: 'butt', lineJoin: 'miter' };
    return new Proxy(state, {
      get(target, property) {
        if (typeof property !== 'string') return undefined;
        if (property === 'canvas') return canvas;
        if (property === 'measureText') return (text: string) => ({ width: String(text).length * 10 });
        if (property in target) return target[property];
        if (property === 'createLinearGradient' || property === 'createRadialGradient' || property === 'createPattern') return () => ({ addColorStop: () => undefined });
        if (property === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
        return (...args: unknown[]) => {
          canvas.operations.push(property);
          if (property === 'fillText' || property === 'strokeText') canvas.texts.push(String(args[0]));
          return undefined;
        };
      },
      set(target, property, value) {
        if (typeof property === 'string') target[property] = value;
        return true;
      },
    });
  }
}
