import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'

// A lease is one row per round, taken with one conditional upsert: atomic on PostgreSQL (the
// conflicting row is locked and the condition re-read) and on SQLite (one writer at a time).

/**
 * Takes the lease `name` for `holder` until `until`, or renews it, when it is free, expired or
 * already `holder`'s; true when `holder` holds it afterwards.
 */
export async function claimLease(
  db: Db,
  name: string,
  holder: string,
  until: string,
  now: string = nowIso(),
): Promise<boolean> {
  const claimed = await db
    .insertInto('job_lease')
    .values({ name, holder, expires_at: until })
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet({ holder, expires_at: until })
        .where((eb) =>
          eb.or([eb('job_lease.holder', '=', holder), eb('job_lease.expires_at', '<=', now)]),
        ),
    )
    .returning('holder')
    .executeTakeFirst()
  return claimed !== undefined
}

/**
 * Gives the lease up from `at` on (now: another node may take it at once; later: `holder` keeps
 * first claim until then). Does nothing when another node has taken it meanwhile.
 */
export async function releaseLease(
  db: Db,
  name: string,
  holder: string,
  at: string = nowIso(),
): Promise<void> {
  await db
    .updateTable('job_lease')
    .set({ expires_at: at })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute()
}

/** The names among `names` whose lease some node holds now. */
export async function heldLeases(
  db: Db,
  names: readonly string[],
  now: string = nowIso(),
): Promise<Set<string>> {
  if (names.length === 0) return new Set()
  const rows = await db
    .selectFrom('job_lease')
    .select('name')
    .where('name', 'in', names)
    .where('expires_at', '>', now)
    .execute()
  return new Set(rows.map((row) => row.name))
}
