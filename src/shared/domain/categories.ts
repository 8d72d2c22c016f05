export const REQUEST_CATEGORIES = ['repair', 'errand', 'policy', 'mediation', 'care_visit', 'wish', 'suggestion'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<RequestCategory, string> = {
  repair: '维修求助',
  errand: '代跑代办',
  policy: '政策咨询',
  mediation: '矛盾调解',
  care_visit: '关爱探访',
  wish: '微心愿',
  suggestion: '意见建议',
};

export const CATEGORY_HINTS: Record<RequestCategory, string> = {
  repair: '漏水、下水道堵塞、电路等',
  errand: '帮忙跑腿、代办证件手续',
  policy: '社保、医保、补贴等政策问题',
  mediation: '邻里纠纷、家庭矛盾',
  care_visit: '独居老人、困难群众上门看望',
  wish: '一个小小的心愿',
  suggestion: '对社区的意见和建议',
};

export const SKILLS = ['水电维修', '政策咨询', '法律援助', '医疗健康', '心理疏导', '代跑代办', '助老陪护', '矛盾调解'] as const;
export type Skill = (typeof SKILLS)[number];

/** Skills that fit each category; an empty list means any member can help. */
export const CATEGORY_SKILLS: Record<RequestCategory, readonly Skill[]> = {
  repair: ['水电维修'],
  errand: ['代跑代办'],
  policy: ['政策咨询', '法律援助'],
  mediation: ['矛盾调解', '法律援助', '心理疏导'],
  care_visit: ['助老陪护', '医疗健康', '心理疏导'],
  wish: [],
  suggestion: [],
};

export function skillsFitting(category: RequestCategory, memberSkills: readonly string[]): Skill[] {
  return CATEGORY_SKILLS[category].filter((skill) => memberSkills.includes(skill));
}

export function fitsCategory(category: RequestCategory, memberSkills: readonly string[]): boolean {
  return CATEGORY_SKILLS[category].length === 0 || skillsFitting(category, memberSkills).length > 0;
}

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };
