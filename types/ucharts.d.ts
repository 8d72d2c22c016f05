/** The part of @qiun/ucharts (u-charts.js, no typings of its own) that src/components/stat-chart.tsx uses. */
declare module '@qiun/ucharts' {
  export interface UChartsSeries {
    name: string;
    /** One value per category (column, line, bar), or the slice's value (ring, pie). */
    data: number | number[];
    color?: string;
  }

  export interface UChartsOptions {
    type: 'column' | 'line' | 'ring' | 'pie' | 'bar';
    /** A 2D context; a standard CanvasRenderingContext2D gets the old wx-style setters polyfilled. */
    context: CanvasRenderingContext2D;
    /** Drawing size in canvas pixels (CSS size × pixelRatio). */
    width: number;
    height: number;
    pixelRatio?: number;
    categories?: string[];
    series: UChartsSeries[];
    animation?: boolean;
    background?: string;
    color?: string[];
    padding?: number[];
    fontSize?: number;
    fontColor?: string;
    dataLabel?: boolean;
    dataPointShape?: boolean;
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }

  export default class UCharts {
    constructor(options: UChartsOptions);
  }
}
