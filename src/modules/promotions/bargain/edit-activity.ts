import type { Db } from '../../../db/database.js'
import { recordAudit } from '../../../platform/audit/index.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { conflict } from '../../../shared/errors.js'
import { findActivity, toActivity } from './activities.js'
import { activityTermColumns, checkActivityTerms } from './activity-terms.js'
import type { BargainActivity, CreateBargainActivityBody } from './schema.js'

/**
 * Replaces an activity's terms while it has not started (nor been ended): a launch needs the
 * window to be running, so no bargain can yet hold the old price or cuts. The start is checked
 * in the UPDATE itself, so an edit racing the start either lands before it or is refused.
 */
export async function updateActivity(
  db: Db,
  actor: Actor,
  id: string,
  body: CreateBargainActivityBody,
  now: string = nowIso(),
): Promise<BargainActivity> {
  const before = await findActivity(db, id)
  await checkActivityTerms(db, body)
  const updated = await db
    .updateTable('bargain_activity')
    .set({ ...activityTermColumns(body), updated_at: now })
    .where('id', '=', id)
    .where('starts_at', '>', now)
    .where('status', '!=', 'ended')
    .executeTakeFirst()
  if (updated.numUpdatedRows !== 1n)
    throw before.status === 'ended'
      ? conflict({ en: 'the activity has ended', zh: '活动已结束，不能修改' }, 'status')
      : conflict(
          {
            en: 'the activity has started and can no longer be changed',
            zh: '活动已开始，不能修改',
          },
          'startsAt',
        )
  const after = toActivity(await findActivity(db, id))
  await recordAudit(db, actor, {
    action: 'bargain_activity.updated',
    entityType: 'bargain_activity',
    entityId: id,
    organizationId: null,
    before: toActivity(before),
    after,
  })
  return after
}
