import type Database from 'better-sqlite3';
import { SKILLS } from '../../shared/domain/categories';
import { AVAILABLE_PERIODS } from '../../shared/domain/community-settings';
import type { LatLng } from '../../shared/domain/geo';
import { offset } from './demo-data';
import { seededRandom } from './random';
import { SeedWriter } from './seed-writer';

export { seededRandom };

export interface DistrictSize {
  communities: number;
  grids: number;
  centralHouseholds: number;
  members: number;
  households: number;
  /** Households each member is responsible for (1+5+15). */
  householdsPerMember: number;
}

/** The reported scale of one district: 586 central households, 5,600 members, 35,000 households. */
export const DISTRICT_SCALE: DistrictSize = { communities: 40, grids: 283, centralHouseholds: 586, members: 5600, households: 35_000, householdsPerMember: 15 };

export interface GeneratedDistrict {
  districtId: string;
  communityIds: string[];
  /** An admin openid per community, in community order. */
  adminOpenids: string[];
  counts: { users: number; members: number; households: number; centralHouseholds: number; grids: number; buildings: number };
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN_NAMES = '建国秀英桂兰志强红梅淑芬德明卫东丽华国庆玉兰海涛明华春燕晓东文军小红家豪子涵浩然雨婷俊杰欣怡宇轩梓涵思远静怡'.match(/../g) ?? [];

/** Spreads counts as evenly as possible: split(10, 3) → [4, 3, 3]. */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}

/**
 * A whole district at the reported scale, deterministic from `seed`: communities on a 1.5 km lattice,
 * grids, buildings of ~25 households with one resident each, members living among them, each in one
 * central household of 5–10 and linked to `householdsPerMember` households of their community.
 */
export function generateDistrict(db: Database.Database, options: { seed: number; now: number; size?: DistrictSize; center?: LatLng; districtId?: string }): GeneratedDistrict {
  const size = options.size ?? DISTRICT_SCALE;
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const name = () => pick(SURNAMES) + pick(GIVEN_NAMES);
  const center = options.center ?? { lat: 30.6, lng: 104.05 };
  const districtId = options.districtId ?? `d_gen_${options.seed}`;
  const seed = new SeedWriter(db, options.now);
  const side = Math.ceil(Math.sqrt(size.communities));
  const gridsPer = split(size.grids, size.communities);
  const householdsPer = split(size.households, size.communities);
  const membersPer = split(size.members, size.communities);
  const centralPer = split(size.centralHouseholds, size.communities);
  const result: GeneratedDistrict = { districtId, communityIds: [], adminOpenids: [], counts: { users: 0, members: 0, households: 0, centralHouseholds: 0, grids: 0, buildings: 0 } };
  let phone = 15_000_000_000;

  seed.inTransaction(() => {
    for (let c = 0; c < size.communities; c++) {
      const communityId = `c_${options.seed}_${c}`;
      const communityCenter = offset(center, (Math.floor(c / side) - side / 2) * 1500, ((c % side) - side / 2) * 1500);
      seed.community({ id: communityId, districtId, name: `第${c + 1}社区`, center: communityCenter });
      result.communityIds.push(communityId);
      const spot = () => offset(communityCenter, (random() - 0.5) * 1400, (random() - 0.5) * 1400);

      const gridIds = Array.from({ length: gridsPer[c] }, (_, g) => `g_${options.seed}_${c}_${g}`);
      gridIds.forEach((gridId, g) => seed.grid({ id: gridId, communityId, name: `第${g + 1}网格` }));
      result.counts.grids += gridIds.length;

      const adminOpenid = `gen-admin-${options.seed}-${c}`;
      seed.user({ id: `u_${options.seed}_${c}_admin`, openid: adminOpenid, name: `${name()}书记`, phone: String(phone++), communityId, roles: ['admin', 'resident'] });
      result.adminOpenids.push(adminOpenid);
      gridIds.forEach((gridId, g) =>
        seed.user({ id: `u_${options.seed}_${c}_gw${g}`, openid: `gen-gw-${options.seed}-${c}-${g}`, name: name(), phone: String(phone++), communityId, roles: ['grid_worker', 'resident'], gridId }),
      );
      result.counts.users += 1 + gridIds.length;

      const householdIds: string[] = [];
      const buildings = Math.ceil(householdsPer[c] / 25);
      for (let b = 0; b < buildings; b++) {
        const buildingId = `b_${options.seed}_${c}_${b}`;
        const gridId = gridIds[b % gridIds.length];
        seed.building({ id: buildingId, communityId, gridId, name: `${b + 1} 栋` });
        const inBuilding = Math.min(25, householdsPer[c] - b * 25);
        for (let h = 0; h < inBuilding; h++) {
          const householdId = `h_${options.seed}_${c}_${b}_${h}`;
          const address = `${b + 1} 栋 ${Math.floor(h / 5) + 1} 单元 ${(h % 5) + 1}01`;
          seed.household({ id: householdId, communityId, gridId, buildingId, address });
          seed.user({ id: `u_${householdId}`, openid: `gen-${householdId}`, name: name(), phone: String(phone++), communityId, roles: ['resident'], gridId, householdId, address, home: spot() });
          householdIds.push(householdId);
        }
      }
      result.counts.buildings += buildings;
      result.counts.households += householdIds.length;
      result.counts.users += householdIds.length;

      const memberIds: string[] = [];
      for (let m = 0; m < membersPer[c]; m++) {
        const userId = `u_${options.seed}_${c}_m${m}`;
        const gridId = gridIds[m % gridIds.length];
        const home = spot();
        const skills = [pick(SKILLS), pick(SKILLS)].filter((skill, index, all) => all.indexOf(skill) === index);
        const start = Math.floor(random() * householdIds.length);
        const linked = Array.from({ length: Math.min(size.householdsPerMember, householdIds.length) }, (_, k) => householdIds[(start + k) % householdIds.length]);
        seed.user({ id: userId, openid: `gen-m-${options.seed}-${c}-${m}`, name: name(), phone: String(phone++), communityId, roles: ['member', 'resident'], gridId, home });
        const availableHours = AVAILABLE_PERIODS.filter(() => random() < 0.7);
        seed.member({ userId, communityId, gridId, skills, home, linkedHouseholds: linked, onLeave: random() < 0.03, availableHours });
        memberIds.push(userId);
      }
      result.counts.members += memberIds.length;
      result.counts.users += memberIds.length;

      // Every member belongs to exactly one central household of 5–10 (586 × ~9.6 = 5,600).
      const groupSizes = split(memberIds.length, centralPer[c]);
      let next = 0;
      groupSizes.forEach((groupSize, k) => {
        const members = memberIds.slice(next, next + groupSize);
        next += groupSize;
        seed.centralHousehold({ id: `ch_${options.seed}_${c}_${k}`, communityId, gridId: gridIds[k % gridIds.length], name: `党员中心户 ${k + 1}`, householdId: householdIds[k] ?? null, memberIds: members });
      });
      result.counts.centralHouseholds += groupSizes.length;
    }
  });
  return result;
}
