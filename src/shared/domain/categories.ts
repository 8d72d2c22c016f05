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

/** How a category of request behaves; read wherever the product treats categories differently. */
export interface CategoryBehaviour {
  /** 'dispatch': offered to nearby members by skill and distance; 'board': posted on the 微心愿墙 for a member or volunteer to claim. */
  routing: 'dispatch' | 'board';
  /** The member must upload a photo of the result to finish it. */
  photoToFinish: boolean;
  /** An admin answers it as a suggestion (adopted or not) on 民意民盼台账. */
  answeredAsSuggestion: boolean;
  /** The resident may name the skill it needs (shown on the board). */
  namesSkill: boolean;
  /** The key of its completion points in the earning rules. */
  pointsRule: RequestCategory;
  /** It may reach a public list (晒清单, published tallies) through an admin's own words; never for private matters. */
  publishable: boolean;
}

export const CATEGORY_BEHAVIOUR: Record<RequestCategory, CategoryBehaviour> = {
  repair: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: false, namesSkill: false, pointsRule: 'repair', publishable: true },
  errand: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: false, namesSkill: false, pointsRule: 'errand', publishable: true },
  policy: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: false, namesSkill: false, pointsRule: 'policy', publishable: true },
  mediation: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: false, namesSkill: false, pointsRule: 'mediation', publishable: false },
  care_visit: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: false, namesSkill: false, pointsRule: 'care_visit', publishable: false },
  wish: { routing: 'board', photoToFinish: true, answeredAsSuggestion: false, namesSkill: true, pointsRule: 'wish', publishable: true },
  suggestion: { routing: 'dispatch', photoToFinish: false, answeredAsSuggestion: true, namesSkill: false, pointsRule: 'suggestion', publishable: true },
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
