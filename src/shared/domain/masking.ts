/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Keeps the compound name so a member can judge the trip, hides building, unit and door. */
export function maskAddress(address: string): string {
  const chars = Array.from(address);
  const visible = Math.min(6, Math.ceil(chars.length / 3));
  return `${chars.slice(0, visible).join('').trimEnd()}****`;
}

/** 王建国 → 王** ; a one-character name stays as it is. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}
