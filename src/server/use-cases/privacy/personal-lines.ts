import { CATEGORY_LABELS } from '../../../shared/domain/categories';
import { AVAILABLE_PERIOD_LABELS, MEMBER_KIND_LABELS } from '../../../shared/domain/community-settings';
import { REQUEST_STATE_LABELS } from '../../../shared/domain/request-state';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { ATTENDANCE_LABELS } from '../../../shared/domain/service-rules';
import { REDEMPTION_STATUS_LABELS } from '../../../shared/domain/supermarket';
import type { MemberStatus } from '../../ports';
import type { PersonalData } from './personal-data';

// What is held about a person, as lines a person can read: shared by 我的信息 and its export.

const iso = (at: number) => new Date(at).toISOString();

const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { pending: '审核中', approved: '已通过', rejected: '未通过' };

export interface DatedLine {
  at: string;
  text: string;
}

export function profileOf(data: PersonalData) {
  const { user } = data;
  return {
    name: user.name,
    phone: user.phone,
    address: user.address,
    communityName: data.community?.name ?? '',
    gridName: data.gridName,
    roles: user.roles.map((role) => ROLE_LABELS[role]),
    joinedAt: iso(user.createdAt),
  };
}

export function registrationOf(data: PersonalData) {
  const member = data.registration;
  if (!member) return null;
  return {
    kind: MEMBER_KIND_LABELS[member.kind],
    status: MEMBER_STATUS_LABELS[member.status],
    workUnit: member.workUnit,
    skills: member.skills,
    availableHours: member.availableHours.map((period) => AVAILABLE_PERIOD_LABELS[period]),
    posts: member.posts,
    appliedAt: iso(member.appliedAt),
  };
}

export function requestLines(data: PersonalData) {
  return data.requests.map((request) => ({
    id: request.id,
    at: iso(request.createdAt),
    category: CATEGORY_LABELS[request.category],
    state: REQUEST_STATE_LABELS[request.state],
    description: request.description,
    address: request.address,
    contact: `${request.contactName} ${request.contactPhone}`.trim(),
    photos: request.photos.length,
    rating: request.ratingStars === null ? '' : `${request.ratingStars} 星${request.ratingComment ? `：${request.ratingComment}` : ''}`,
  }));
}

/** Tasks the person took as a member: what kind and how it went, not the resident's details. */
export function taskLines(data: PersonalData): DatedLine[] {
  return data.tasks.map((task) => ({
    at: iso(task.acceptedAt ?? task.createdAt),
    text: `${CATEGORY_LABELS[task.category]} · ${REQUEST_STATE_LABELS[task.state]}${task.completionNote ? ` · 办理情况：${task.completionNote}` : ''}`,
  }));
}

export function postingLines(data: PersonalData): (DatedLine & { amount: number })[] {
  const accountId = data.account?.id;
  return data.postings.map((posting) => ({
    at: iso(posting.createdAt),
    amount: posting.creditAccountId === accountId ? posting.amount : -posting.amount,
    text: posting.memo,
  }));
}

export function serviceLines(data: PersonalData): DatedLine[] {
  const duties = data.duties.map((duty) => ({
    at: duty.checkInAt,
    text: `值守：${data.servicePointNames.get(duty.servicePointId) ?? '服务点'}${duty.minutes === null ? '（值守中）' : ` ${duty.minutes} 分钟`}`,
  }));
  const activities = data.signups.map(({ signup, activity }) => ({
    at: signup.signedUpAt,
    text: `活动：${activity?.title ?? '活动'}${signup.status === 'cancelled' ? '（已取消报名）' : signup.attendance ? `（${ATTENDANCE_LABELS[signup.attendance]}）` : '（已报名）'}`,
  }));
  return [...duties, ...activities].sort((a, b) => b.at - a.at).map((line) => ({ at: iso(line.at), text: line.text }));
}

export function orderLines(data: PersonalData): DatedLine[] {
  return data.orders.map((order) => ({
    at: iso(order.createdAt),
    text: `${order.lines.map((line) => `${line.name}×${line.qty}`).join('、')} · ${order.total} 分 · ${REDEMPTION_STATUS_LABELS[order.status]}`,
  }));
}

export function messageLines(data: PersonalData): DatedLine[] {
  return data.messages.map((message) => ({ at: iso(message.createdAt), text: `${message.title}：${message.body}` }));
}
