import uCharts from '@qiun/ucharts';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo } from 'react';

export type StatChartType = 'column' | 'line' | 'ring' | 'pie' | 'bar';

export interface StatChartSeries {
  name: string;
  /** One value per label. */
  values: number[];
}

export interface StatChartProps {
  /** The canvas id: stable and unique on the page (the WeChat selector query and the H5 lookup use it). */
  id: string;
  title: string;
  type: StatChartType;
  labels: readonly string[];
  series: readonly StatChartSeries[];
  /** Unit for the text list under the chart, e.g. 件. */
  unit?: string;
  /** Canvas height in design px (750 wide). */
  height?: number;
}

/** Colours with at least 3:1 contrast on white, distinguishable in print. */
const PALETTE = ['#c8161d', '#1f5fbf', '#2e7d32', '#d46b08', '#6a1b9a', '#00838f', '#5d4037', '#455a64', '#ad1457'];

interface DrawTarget {
  context: CanvasRenderingContext2D;
  /** Canvas pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

interface WeappCanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
}

interface WeappCanvasFields {
  node?: WeappCanvasNode;
  width?: number;
  height?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ATTEMPTS = 40;

/** H5: Taro renders <taro-canvas-core id=…> holding the real <canvas>; it sizes it on its first render, so wait for that, then size it for the screen. */
async function findH5Canvas(id: string): Promise<DrawTarget | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const host = document.getElementById(id);
    const canvas = host instanceof HTMLCanvasElement ? host : (host?.querySelector('canvas') ?? null);
    if (canvas && canvas.clientWidth > 0 && canvas.clientHeight > 0) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const pixelRatio = window.devicePixelRatio || 1;
      canvas.width = Math.round(canvas.clientWidth * pixelRatio);
      canvas.height = Math.round(canvas.clientHeight * pixelRatio);
      const context = canvas.getContext('2d');
      return context ? { context, width: canvas.width, height: canvas.height, pixelRatio } : null;
    }
    await wait(50);
  }
  return null;
}

function queryWeappCanvas(id: string): Promise<WeappCanvasFields | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((result: (WeappCanvasFields | null)[]) => resolve(result?.[0] ?? null));
  });
}

/** WeChat: the 2D canvas node from a selector query; its backing store is sized by hand to the screen's pixel ratio. */
async function findWeappCanvas(id: string): Promise<DrawTarget | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const fields = await queryWeappCanvas(id);
    if (fields?.node && fields.width && fields.height) {
      const pixelRatio = Taro.getWindowInfo().pixelRatio || 1;
      fields.node.width = Math.round(fields.width * pixelRatio);
      fields.node.height = Math.round(fields.height * pixelRatio);
      return { context: fields.node.getContext('2d'), width: fields.node.width, height: fields.node.height, pixelRatio };
    }
    await wait(50);
  }
  return null;
}

/** A y-axis for counts: from 0 to a round maximum in whole-number steps (uCharts would otherwise print 0.20, 0.40…). */
function countAxis(series: readonly StatChartSeries[]): { splitNumber: number; max: number } {
  const largest = Math.max(1, ...series.flatMap((item) => item.values));
  if (largest <= 5) return { splitNumber: largest, max: largest };
  const step = Math.ceil(largest / 5);
  return { splitNumber: 5, max: step * 5 };
}

function draw(target: DrawTarget, type: StatChartType, labels: readonly string[], series: readonly StatChartSeries[]): void {
  const common = {
    type,
    context: target.context,
    width: target.width,
    height: target.height,
    pixelRatio: target.pixelRatio,
    animation: false,
    background: '#FFFFFF',
    color: PALETTE,
    fontSize: 15,
    fontColor: '#333333',
    padding: [16, 12, 8, 8],
    legend: { show: type !== 'column' || series.length > 1, position: 'bottom', fontSize: 15, lineHeight: 22 },
  };
  if (type === 'ring' || type === 'pie') {
    const values = series[0]?.values ?? [];
    new uCharts({
      ...common,
      series: labels.map((label, index) => ({ name: label, data: values[index] ?? 0 })),
      dataLabel: true,
      extra: { ring: { ringWidth: 28, activeOpacity: 0.5, offsetAngle: -90, labelWidth: 12, border: true, borderWidth: 2, borderColor: '#FFFFFF' }, pie: { labelWidth: 12, border: true, borderColor: '#FFFFFF' } },
    });
    return;
  }
  const axis = countAxis(series);
  new uCharts({
    ...common,
    categories: [...labels],
    series: series.map((item) => ({ name: item.name, data: [...item.values] })),
    dataLabel: true,
    dataPointShape: true,
    xAxis: { disableGrid: true, rotateLabel: labels.length > 4, rotateAngle: 40, fontSize: 14 },
    yAxis: { splitNumber: axis.splitNumber, data: [{ min: 0, max: axis.max, fontSize: 14 }], gridType: 'dash', dashLength: 4 },
    extra: { column: { type: 'group', width: 18 }, line: { type: 'straight', width: 2 }, bar: { type: 'group', width: 18 } },
  });
}

/**
 * A chart drawn with uCharts on a 2D canvas, and the same numbers as a text list under it, so
 * the figures stay readable by screen readers, in large-font mode and when the canvas fails.
 */
export function StatChart({ id, title, type, labels, series, unit = '', height = 460 }: StatChartProps) {
  const pie = type === 'ring' || type === 'pie';
  const empty = pie && (series[0]?.values ?? []).every((value) => value === 0);
  const dataKey = JSON.stringify({ labels, series });
  const style = useMemo(() => ({ width: '100%', height: Taro.pxTransform(height) }), [height]);

  useEffect(() => {
    if (empty) return undefined;
    let cancelled = false;
    const find = process.env.TARO_ENV === 'h5' ? findH5Canvas : findWeappCanvas;
    find(id)
      .then((target) => {
        if (!cancelled && target) draw(target, type, labels, series);
      })
      // The figures are listed under the chart too: a chart that cannot be drawn loses nothing.
      .catch((error: unknown) => console.warn(`chart ${id} not drawn`, error));
    return () => {
      cancelled = true;
    };
    // dataKey stands for labels and series: redraw only when the numbers change.
  }, [id, type, dataKey, empty]);

  return (
    <View className='card stat-chart' id={`${id}-card`}>
      <View className='subtitle'>{title}</View>
      {empty ? (
        <View className='muted'>暂无数据</View>
      ) : (
        <Canvas type='2d' id={id} className='stat-canvas' style={style} aria-hidden />
      )}
      <View role='list' id={`${id}-summary`} aria-label={`${title}（数据）`}>
        {labels.map((label, index) => (
          <View key={`${index}-${label}`} role='listitem' className='stat-line'>
            {label}：
            {series
              .map((item) => `${series.length > 1 ? `${item.name} ` : ''}${item.values[index] ?? 0}${unit ? ` ${unit}` : ''}`)
              .join('，')}
          </View>
        ))}
      </View>
    </View>
  );
}
