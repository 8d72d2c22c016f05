/** 定期评价: the grade an admin gives a member for a month or a quarter. */
export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};
