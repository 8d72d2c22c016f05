import { SKILLS } from './categories';

export const DEFAULT_POSTS = ['信访接待', '政策宣传', '便民服务', '环境整治', '治安巡逻', '文明劝导'] as const;

/** Where a request can be escalated (吹哨报到). */
export const DEFAULT_DEPARTMENTS = ['住建局', '城管局', '民政局', '交通运输局', '派出所', '街道办事处', '物业公司', '供电公司', '自来水公司'] as const;

export interface CommunitySettings {
  /** Skills members can pick when they register; dispatch matches on them. */
  skills: string[];
  /** Standing posts (定岗领办) members can claim. */
  posts: string[];
  /** Departments and companies a request can be escalated to (吹哨). */
  departments: string[];
}

export function resolveSettings(stored: Partial<CommunitySettings> | null | undefined): CommunitySettings {
  return {
    skills: [...(stored?.skills ?? SKILLS)],
    posts: [...(stored?.posts ?? DEFAULT_POSTS)],
    departments: [...(stored?.departments ?? DEFAULT_DEPARTMENTS)],
  };
}

/** When a member can be asked to help; dispatch in a later issue filters on the current period. */
export const AVAILABLE_PERIODS = ['weekday_day', 'weekday_evening', 'weekend_day', 'weekend_evening'] as const;
export type AvailablePeriod = (typeof AVAILABLE_PERIODS)[number];
export const AVAILABLE_PERIOD_LABELS: Record<AvailablePeriod, string> = {
  weekday_day: '工作日白天',
  weekday_evening: '工作日晚上',
  weekend_day: '周末白天',
  weekend_evening: '周末晚上',
};

export const MEMBER_KINDS = ['member', 'volunteer'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { member: '党员', volunteer: '志愿者' };

export const SHOP_KINDS = ['supermarket', 'childcare', 'tea_bar', 'book_bar', 'other_service'] as const;
export type ShopKind = (typeof SHOP_KINDS)[number];
export const SHOP_KIND_LABELS: Record<ShopKind, string> = {
  supermarket: '积分超市',
  childcare: '托育服务',
  tea_bar: '茶吧',
  book_bar: '书吧',
  other_service: '其他服务',
};

export const SERVICE_POINT_KINDS = ['service_center', 'neighbourhood_station', 'worker_rest_station', 'errand_window'] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];
export const SERVICE_POINT_KIND_LABELS: Record<ServicePointKind, string> = {
  service_center: '党群服务中心',
  neighbourhood_station: '邻里驿家',
  worker_rest_station: '户外劳动者驿站',
  errand_window: '代办窗口',
};
