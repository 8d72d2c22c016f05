import { View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ChipSelect } from '../../../components/chip-select';
import { ErrorText } from '../../../components/error-text';
import { ExportButton } from '../../../components/export-button';
import { currentPeriodKey, PeriodPicker } from '../../../components/period-picker';
import { TextField } from '../../../components/text-field';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchEvaluations, recordEvaluation } from '../../../services/reports';
import type { TEvaluationRow } from '../../../shared/contracts/reports';
import { EVALUATION_GRADE_LABELS, EVALUATION_GRADES, type EvaluationGrade } from '../../../shared/domain/evaluation';
import { PageRoot } from '../../../components/page-root';

const GRADE_OPTIONS = EVALUATION_GRADES.map((grade) => ({ value: grade, label: EVALUATION_GRADE_LABELS[grade] }));

/** One member's line of the ranking, with the grade and a short note the admin records. */
function EvaluationRow({ row, period, onSaved }: { row: TEvaluationRow; period: string; onSaved: (row: TEvaluationRow) => void }) {
  const [grade, setGrade] = useState<EvaluationGrade | null>(row.grade);
  const [note, setNote] = useState(row.note);
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();
  const save = () =>
    run(async () => {
      if (!grade) return setError('请选择评价等次');
      setSaved(false);
      onSaved(await recordEvaluation(row.memberId, period, grade, note));
      setSaved(true);
    });
  return (
    <View className='card evaluation-row' id={`evaluation-${row.memberId}`}>
      <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <View className='subtitle'>
          第 {row.rank} 名 · {row.name}
        </View>
        <View className='state' id={`evaluation-grade-${row.memberId}`}>
          {row.grade ? EVALUATION_GRADE_LABELS[row.grade] : '未评价'}
        </View>
      </View>
      <View className='muted'>{row.gridName ?? '未分网格'}</View>
      <View>
        获得积分 {row.earned} · 完成求助 {row.tasksCompleted} 件 · 评价 {row.ratings} 条{row.averageRating !== null ? ` · 平均 ${row.averageRating} 星` : ''}
      </View>
      <ChipSelect label='评价等次' idPrefix={`grade-${row.memberId}`} options={GRADE_OPTIONS} selected={grade ? [grade] : []} onChange={(selected) => setGrade(selected[0] as EvaluationGrade)} />
      <TextField id={`evaluation-note-${row.memberId}`} label='评语（可选）' value={note} onChange={setNote} maxlength={200} placeholder='例如：响应及时，居民满意' />
      <ErrorText message={error} />
      {saved ? (
        <View className='muted' role='status'>
          已保存，已通知本人。
        </View>
      ) : null}
      <BigButton id={`evaluation-save-${row.memberId}`} secondary disabled={busy} onClick={() => void save()}>
        保存评价
      </BigButton>
    </View>
  );
}

/** 定期评价: members ranked by the period's points, tasks and ratings; the admin grades each one. */
export default function EvaluationsPage() {
  const [period, setPeriod] = useState<string>(() => currentPeriodKey('month'));
  const { data, error, setData } = useLoader(() => fetchEvaluations(period), [period]);
  const replaceRow = (updated: TEvaluationRow) =>
    setData((current) => (current ? { ...current, rows: current.rows.map((row) => (row.memberId === updated.memberId ? updated : row)) } : current));

  return (
    <PageRoot>
      <PeriodPicker idPrefix='evaluations-period' value={period} onChange={(next) => next && setPeriod(next)} />
      <ExportButton id='export-evaluations' kind='evaluations' period={period} label='导出定期评价' />
      <ErrorText message={error} />
      {data && data.rows.length === 0 ? <View className='muted'>本社区还没有党员或志愿者。</View> : null}
      {data && data.period.key === period
        ? data.rows.map((row) => <EvaluationRow key={`${period}-${row.memberId}`} row={row} period={period} onSaved={replaceRow} />)
        : null}
    </PageRoot>
  );
}
