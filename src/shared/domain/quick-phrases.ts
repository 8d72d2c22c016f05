import type { RequestCategory } from './categories';

/**
 * Ready-made descriptions for care mode (关怀模式): an elderly resident taps one instead of typing.
 * Each is long enough for the request form's rules, and clear enough for the member who reads it.
 */
export const QUICK_PHRASES: Record<Exclude<RequestCategory, 'suggestion'>, readonly string[]> = {
  repair: ['家里水管漏水了，请来看看', '电灯不亮了，请帮忙修一下', '下水道堵住了，请帮忙疏通', '门锁坏了，打不开门'],
  errand: ['请帮我去药店买药', '请帮我代缴水电燃气费', '请帮我到社区办个证明'],
  policy: ['想问养老金和医保怎么办理', '想问高龄补贴怎么申请', '想问残疾人补贴政策'],
  mediation: ['和邻居有矛盾，请社区来调解一下', '家里有纠纷，想请人帮忙说和'],
  care_visit: ['我一个人住，想请人上门看看我', '老伴生病在家，想请人来看看'],
  wish: ['想请人上门帮忙理个发', '想请人陪我去医院看病', '想请人陪我说说话'],
};
