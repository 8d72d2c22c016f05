import type { InputOf } from '../shared/contracts';
import type { EvaluationGrade } from '../shared/domain/evaluation';
import { callFunction } from './transport';

/** Statistics, evaluations and Excel export: one wrapper per action of the `reports` function. */
export const fetchStatistics = (input: InputOf<'reports', 'getStatistics'>) => callFunction('reports', 'getStatistics', input);
export const fetchEvaluations = (period: string) => callFunction('reports', 'listEvaluations', { period });
export const recordEvaluation = (memberId: string, period: string, grade: EvaluationGrade, note: string) => callFunction('reports', 'recordEvaluation', { memberId, period, grade, note });
export const fetchMyEvaluations = () => callFunction('reports', 'getMyEvaluations', {});
export const fetchAuditLog = (cursor?: string) => callFunction('reports', 'listAuditLog', { cursor, limit: 20 });
export const exportWorkbook = (input: InputOf<'reports', 'exportWorkbook'>) => callFunction('reports', 'exportWorkbook', input);
