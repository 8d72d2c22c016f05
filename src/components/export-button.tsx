import { View } from '@tarojs/components';
import { useState } from 'react';
import { useAction } from '../hooks/use-action';
import { openExportedFile } from '../services/download';
import { exportWorkbook } from '../services/reports';
import type { InputOf } from '../shared/contracts';
import type { ExportKind } from '../shared/contracts/reports';
import { BigButton } from './big-button';
import { ErrorText } from './error-text';
import { periodLabel } from './period-picker';

export interface ExportButtonProps {
  id: string;
  kind: ExportKind;
  /** The month or quarter to export; null when none is chosen (the button then says so). */
  period: string | null;
  /** Statistics only: which grid, community or the district (the caller's community when left out). */
  target?: ExportTarget;
  label?: string;
}

export type ExportTarget = Pick<InputOf<'reports', 'exportWorkbook'>, 'scope' | 'gridId' | 'communityId'>;

interface Exported {
  fileName: string;
  rows: number;
}

/** 导出 Excel: builds the workbook on the server, then downloads (browser) or opens (WeChat) it, and says what came out. */
export function ExportButton({ id, kind, period, target, label = '导出 Excel' }: ExportButtonProps) {
  const { busy, error, run } = useAction();
  const [exported, setExported] = useState<Exported | null>(null);

  const start = () =>
    run(async () => {
      if (!period) return;
      setExported(null);
      const result = await exportWorkbook({ kind, period, ...target });
      await openExportedFile(result.url, result.fileName);
      setExported({ fileName: result.fileName, rows: result.rows });
    });

  return (
    <View className='export-button'>
      <BigButton id={id} secondary disabled={busy || !period} onClick={() => void start()}>
        {busy ? '正在导出…' : period ? `${label}（${periodLabel(period)}）` : label}
      </BigButton>
      {!period ? <View className='muted'>请先选择月份或季度再导出。</View> : null}
      <ErrorText message={error} />
      {exported ? (
        <View className='card' role='status' id={`${id}-result`}>
          <View>已导出：{exported.fileName}</View>
          <View className='muted'>共 {exported.rows} 条数据</View>
        </View>
      ) : null}
    </View>
  );
}
