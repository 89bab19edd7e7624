import type { Db } from '../../db/database.js'
import { addSeconds, nowIso } from '../../shared/clock.js'

export interface Hits {
  /** Hits in the current window, this one included. */
  hits: number
  windowEndsAt: string
}

/**
 * Counts one hit of `key` in a window of `windowS` seconds that starts at the key's first hit.
 * One atomic upsert returning the new count: parallel requests on any node each get their own
 * number. Inside a transaction the hit is undone if the transaction rolls back (a refused
 * request costs nothing), and PostgreSQL holds the row until commit, so the counts stay exact.
 */
export async function countHit(
  db: Db,
  key: string,
  windowS: number,
  now = nowIso(),
): Promise<Hits> {
  const windowCutoff = addSeconds(now, -windowS)
  const row = await db
    .insertInto('rate_limit')
    .values({ key, hits: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const inWindow = eb('rate_limit.window_started_at', '>', windowCutoff)
        return {
          hits: eb
            .case()
            .when(inWindow)
            .then(eb('rate_limit.hits', '+', 1))
            .else(1)
            .end(),
          window_started_at: eb
            .case()
            .when(inWindow)
            .then(eb.ref('rate_limit.window_started_at'))
            .else(now)
            .end(),
        }
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow()
  return { hits: row.hits, windowEndsAt: addSeconds(row.window_started_at, windowS) }
}

/** The hits of `key` in its current window, without counting one: 0 when none or expired. */
export async function hitsOf(
  db: Db,
  key: string,
  windowS: number,
  now = nowIso(),
): Promise<number> {
  const row = await db
    .selectFrom('rate_limit')
    .select('hits')
    .where('key', '=', key)
    .where('window_started_at', '>', addSeconds(now, -windowS))
    .executeTakeFirst()
  return row?.hits ?? 0
}

/** Forgets counters whose window started before `before` (every window is shorter than a day). */
export async function purgeRateLimits(db: Db, before: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('window_started_at', '<', before).execute()
}
