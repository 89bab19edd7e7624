import type { Db } from '../../../db/database.js'
import type { Actor } from '../../../platform/http/index.js'
import { nowIso } from '../../../shared/clock.js'
import { transitionBargain } from './bargain-states.js'

// Bargains whose duration passed unbought become `expired`. One with an unpaid order waits for
// the payment or the lapse (the payment worker decides), and expires in a later round. Each is
// a compare-and-set, so rounds on several nodes at once expire a bargain once.

export async function expireBargains(
  db: Db,
  actor: Actor,
  now: string = nowIso(),
): Promise<{ expired: number }> {
  const due = await db
    .selectFrom('bargain')
    .select(['id', 'status'])
    .where('status', 'in', ['open', 'floor_reached'])
    .where('order_id', 'is', null)
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(200)
    .execute()
  let expired = 0
  for (const bargain of due) {
    const done = await db.transaction().execute((trx) =>
      transitionBargain(trx, actor, bargain.id, bargain.status, 'expired', {
        orderId: null,
        set: { finished_at: now },
        note: 'duration passed unbought',
      }),
    )
    if (done) expired += 1
  }
  return { expired }
}
