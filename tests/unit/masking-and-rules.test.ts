import fc from 'fast-check';
import { CATEGORY_SKILLS, REQUEST_CATEGORIES, SKILLS, fitsCategory, skillsFitting, type RequestCategory } from '../../src/shared/domain/categories';
import { maskAddress, maskName, maskPhone } from '../../src/shared/domain/masking';
import { PERMISSIONS, isAllowed, type ActionName } from '../../src/shared/domain/permissions';
import { DEFAULT_EARNING_RULES, pointsForCompletion, resolveEarningRules } from '../../src/shared/domain/points-rules';
import { ROLES, type Role } from '../../src/shared/domain/roles';

describe('maskPhone', () => {
  test('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19900000001')).toBe('199****0001');
  });

  test('short strings are fully hidden', () => {
    expect(maskPhone('123456')).toBe('******');
    expect(maskPhone('')).toBe('');
  });

  test('property: an 11-digit mobile number never shows digits 4–7', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expect(masked).not.toBe(phone);
      }),
    );
  });
});

describe('maskName', () => {
  test.each([
    ['王建国', '王**'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧***'],
    ['王', '王'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  test('counts characters, not UTF-16 units', () => {
    // 𠮷 is outside the BMP (a surrogate pair in UTF-16).
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('王𠮷')).toBe('王*');
  });
});

describe('maskAddress', () => {
  test('keeps a prefix of the compound name and hides the rest', () => {
    expect(maskAddress('幸福里小区3号楼2单元501室')).toBe('幸福里小区****');
    expect(maskAddress('浙江省杭州市西湖区文三路幸福里小区12幢3单元1201')).toBe('浙江省杭州市****');
  });

  test('the visible part is a third of the address, at most 6 characters', () => {
    expect(maskAddress('阳光花园9栋')).toBe('阳光****');
    expect(maskAddress('阳光花园9栋101')).toBe('阳光花****');
  });

  test('trailing whitespace of the visible prefix is dropped', () => {
    expect(maskAddress('和平 里小区8号楼')).toBe('和平****');
  });

  test('property: never returns the full address, always ends with ****, shows at most 6 leading characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'幸福里小区号楼单元室1234567890阳光花园路街道'), minLength: 2, maxLength: 120 }), (address) => {
        const masked = maskAddress(address);
        expect(masked.endsWith('****')).toBe(true);
        const visible = masked.slice(0, -4);
        expect(visible.length).toBeLessThanOrEqual(6);
        expect(visible.length).toBeLessThan(address.length);
        expect(address.startsWith(visible)).toBe(true);
        expect(masked.includes(address)).toBe(false);
      }),
    );
  });
});

describe('categories', () => {
  test('skillsFitting returns the member skills that fit, in category order', () => {
    expect(skillsFitting('repair', ['水电维修'])).toEqual(['水电维修']);
    expect(skillsFitting('repair', ['政策咨询'])).toEqual([]);
    expect(skillsFitting('mediation', ['心理疏导', '代跑代办', '矛盾调解'])).toEqual(['矛盾调解', '心理疏导']);
    expect(skillsFitting('care_visit', ['医疗健康', '助老陪护'])).toEqual(['助老陪护', '医疗健康']);
    expect(skillsFitting('policy', [])).toEqual([]);
  });

  test('skillsFitting for categories with no skill list is always empty', () => {
    expect(skillsFitting('wish', [...SKILLS])).toEqual([]);
    expect(skillsFitting('suggestion', ['水电维修'])).toEqual([]);
  });

  test('fitsCategory needs one fitting skill', () => {
    expect(fitsCategory('repair', ['水电维修', '法律援助'])).toBe(true);
    expect(fitsCategory('repair', ['法律援助'])).toBe(false);
    expect(fitsCategory('policy', ['法律援助'])).toBe(true);
    expect(fitsCategory('errand', [])).toBe(false);
    expect(fitsCategory('errand', ['代跑代办'])).toBe(true);
  });

  test('categories with an empty skill list fit anyone, even members without skills', () => {
    expect(fitsCategory('wish', [])).toBe(true);
    expect(fitsCategory('suggestion', [])).toBe(true);
    expect(fitsCategory('wish', ['水电维修'])).toBe(true);
  });

  test('unknown skill strings never fit', () => {
    for (const category of REQUEST_CATEGORIES) {
      expect(skillsFitting(category, ['修水管', ''])).toEqual([]);
    }
  });

  test('property: fitsCategory ⇔ empty skill list or a non-empty skillsFitting', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_CATEGORIES), fc.subarray([...SKILLS]), (category: RequestCategory, skills) => {
        const fitting = skillsFitting(category, skills);
        for (const skill of fitting) expect(skills).toContain(skill);
        expect(fitsCategory(category, skills)).toBe(CATEGORY_SKILLS[category].length === 0 || fitting.length > 0);
      }),
    );
  });
});

describe('pointsForCompletion', () => {
  test.each<[RequestCategory, number, number]>([
    ['repair', 10, 15],
    ['errand', 8, 13],
    ['policy', 5, 10],
    ['mediation', 15, 20],
    ['care_visit', 10, 15],
    ['wish', 8, 13],
    ['suggestion', 3, 8],
  ])('%s: %d normal, %d urgent', (category, normal, urgent) => {
    expect(pointsForCompletion(DEFAULT_EARNING_RULES, category, 'normal')).toBe(normal);
    expect(pointsForCompletion(DEFAULT_EARNING_RULES, category, 'urgent')).toBe(urgent);
  });

  test('the urgent bonus is 5 points for every category', () => {
    expect(DEFAULT_EARNING_RULES.urgentBonus).toBe(5);
    for (const category of REQUEST_CATEGORIES) {
      expect(pointsForCompletion(DEFAULT_EARNING_RULES, category, 'urgent') - pointsForCompletion(DEFAULT_EARNING_RULES, category, 'normal')).toBe(5);
    }
  });

  test('a community can change one category and keep the defaults for the rest', () => {
    const rules = resolveEarningRules({ completion: { repair: 20 } as never, urgentBonus: 2 });
    expect(pointsForCompletion(rules, 'repair', 'urgent')).toBe(22);
    expect(pointsForCompletion(rules, 'policy', 'normal')).toBe(5);
  });
});

describe('isAllowed', () => {
  test('resident-only actions', () => {
    expect(isAllowed('requests.submit', ['resident'])).toBe(true);
    expect(isAllowed('requests.submit', ['member'])).toBe(false);
    expect(isAllowed('requests.cancel', ['admin'])).toBe(false);
    expect(isAllowed('requests.rate', ['member', 'volunteer'])).toBe(false);
  });

  test('member and volunteer actions', () => {
    expect(isAllowed('requests.accept', ['member'])).toBe(true);
    expect(isAllowed('requests.accept', ['volunteer'])).toBe(true);
    expect(isAllowed('requests.accept', ['resident'])).toBe(false);
    expect(isAllowed('requests.complete', ['grid_worker'])).toBe(false);
    expect(isAllowed('points.getMine', ['resident'])).toBe(false);
    expect(isAllowed('points.getMine', ['member'])).toBe(true);
  });

  test('any one matching role is enough', () => {
    expect(isAllowed('requests.submit', ['member', 'resident'])).toBe(true);
    expect(isAllowed('requests.get', ['shop_staff', 'grid_worker'])).toBe(true);
  });

  test('requests.get is open to staff but not to shop staff or district viewers', () => {
    for (const role of ['resident', 'member', 'volunteer', 'grid_worker', 'admin'] as const) expect(isAllowed('requests.get', [role])).toBe(true);
    expect(isAllowed('requests.get', ['shop_staff'])).toBe(false);
    expect(isAllowed('requests.get', ['district_viewer'])).toBe(false);
  });

  test('"anyone" actions are allowed even without any role', () => {
    expect(isAllowed('community.me', [])).toBe(true);
    expect(isAllowed('community.listInbox', ['shop_staff'])).toBe(true);
    expect(isAllowed('community.markInboxRead', [])).toBe(true);
  });

  test('no roles means no access to role-restricted actions', () => {
    const restricted = (Object.keys(PERMISSIONS) as ActionName[]).filter((a) => PERMISSIONS[a] !== 'anyone' && PERMISSIONS[a] !== 'visitor');
    expect(restricted.length).toBeGreaterThan(30);
    expect(restricted).toContain('community.reviewApplication');
    for (const action of restricted) expect(isAllowed(action, [])).toBe(false);
  });

  test('property: allowed iff "anyone", "visitor" or a role in the list', () => {
    const actions = Object.keys(PERMISSIONS) as ActionName[];
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.subarray([...ROLES]), (action, roles: Role[]) => {
        const entry: readonly Role[] | 'anyone' | 'visitor' = PERMISSIONS[action];
        const expected = entry === 'anyone' || entry === 'visitor' || roles.some((r) => entry.includes(r));
        expect(isAllowed(action, roles)).toBe(expected);
      }),
    );
  });
});
