import type { TActivityView, TCreateActivityInput } from '../../../shared/contracts/service';
import { resolveSettings } from '../../../shared/domain/community-settings';
import { AppError } from '../../../shared/errors';
import { newId } from '../../ids';
import { toActivityView } from '../../views/service-view';
import type { ActionContext } from '../context';

export async function createActivity({ runtime, caller }: ActionContext, input: TCreateActivityInput): Promise<TActivityView> {
  const now = runtime.clock.now();
  const startsAt = Date.parse(input.startsAt);
  const endsAt = Date.parse(input.endsAt);
  if (endsAt <= now) throw new AppError('VALIDATION_FAILED', '结束时间已经过去，请检查活动时间', [{ path: ['endsAt'], message: '结束时间已过' }]);
  return runtime.store.transaction(async (tx) => {
    const settings = resolveSettings((await tx.communities.get(caller.communityId))?.settings);
    const unknown = input.skills.filter((skill) => !settings.skills.includes(skill));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `不在本社区技能列表中：${unknown.join('、')}`, [{ path: ['skills'], message: '技能不在列表中' }]);
    const activity = {
      id: newId('ac'),
      communityId: caller.communityId,
      title: input.title,
      place: input.place,
      location: input.location,
      radiusM: input.radiusM,
      startsAt,
      endsAt,
      capacity: input.capacity,
      signedUp: 0,
      points: input.points,
      skills: [...new Set(input.skills)],
      status: 'open' as const,
      createdBy: caller.id,
      createdAt: now,
      completedAt: null,
    };
    await tx.service.insertActivity(activity);
    return toActivityView(activity, null);
  });
}
