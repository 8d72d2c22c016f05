export const ROLES = ['resident', 'member', 'volunteer', 'grid_worker', 'shop_staff', 'admin', 'district_viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '党员',
  volunteer: '志愿者',
  grid_worker: '网格员',
  shop_staff: '积分超市店员',
  admin: '社区管理员',
  district_viewer: '街道/区级查看',
};

/** Duties an admin gives in the community and can take back (the person stays a resident). */
export const REVOCABLE_ROLES = ['grid_worker', 'shop_staff'] as const satisfies readonly Role[];
