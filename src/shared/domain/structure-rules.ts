/** 1+5+15: a central household links 5–10 members; each member serves 15–25 households. */
export const CENTRAL_HOUSEHOLD_MEMBERS = { min: 5, max: 10 } as const;
export const MEMBER_HOUSEHOLDS = { min: 15, max: 25 } as const;

export function centralHouseholdWarning(memberCount: number): string | null {
  if (memberCount < CENTRAL_HOUSEHOLD_MEMBERS.min) return `党员中心户只联系了 ${memberCount} 名党员，建议 ${CENTRAL_HOUSEHOLD_MEMBERS.min}–${CENTRAL_HOUSEHOLD_MEMBERS.max} 名`;
  if (memberCount > CENTRAL_HOUSEHOLD_MEMBERS.max) return `党员中心户联系了 ${memberCount} 名党员，超过建议的 ${CENTRAL_HOUSEHOLD_MEMBERS.max} 名`;
  return null;
}

export function memberHouseholdsWarning(householdCount: number): string | null {
  if (householdCount < MEMBER_HOUSEHOLDS.min) return `该党员只联系了 ${householdCount} 户，建议 ${MEMBER_HOUSEHOLDS.min}–${MEMBER_HOUSEHOLDS.max} 户`;
  if (householdCount > MEMBER_HOUSEHOLDS.max) return `该党员联系了 ${householdCount} 户，超过建议的 ${MEMBER_HOUSEHOLDS.max} 户`;
  return null;
}

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday */
  weekdays: number[];
  open: string;
  close: string;
}

/** "08:30" → minutes after midnight */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
