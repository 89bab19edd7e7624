import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../../db/database.js'
import { nowIso } from '../../shared/clock.js'
import { AppError } from '../../shared/errors.js'
import { hasCountySettings } from '../county/index.js'

// The one-time setup link: a random token, printed once per start, kept only as its hash.

const SETUP_ROW = 'setup'

export const hashSetupToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex')

export const setupGone = () =>
  new AppError('gone', {
    en: 'Setup is done; this link no longer works. Sign in instead.',
    zh: '初始设置已完成，此链接已失效，请直接登录。',
  })

const unknownLink = () =>
  new AppError('not_found', { en: 'This setup link is not valid', zh: '设置链接无效' }, [
    { field: 'token', message: { en: 'This setup link is not valid', zh: '设置链接无效' } },
  ])

/** Setup is wanted while the installation has no county (no demo data, nothing set up yet). */
export const isSetupRequired = async (db: Db): Promise<boolean> => !(await hasCountySettings(db))

/**
 * A fresh token for this start (the previous one stops working); undefined when setup is done.
 * Only the hash is stored.
 */
export async function issueSetupToken(db: Db): Promise<string | undefined> {
  if (!(await isSetupRequired(db))) return undefined
  const token = randomBytes(24).toString('base64url')
  await ensureSetupRow(db)
  const issued = await db
    .updateTable('setup_state')
    .set({ token_hash: hashSetupToken(token), issued_at: nowIso() })
    .where('id', '=', SETUP_ROW)
    .where('completed_at', 'is', null)
    .executeTakeFirst()
  return issued.numUpdatedRows === 1n ? token : undefined
}

const ensureSetupRow = (db: Db) =>
  db
    .insertInto('setup_state')
    .values({ id: SETUP_ROW, token_hash: null, issued_at: null, completed_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()

/** Throws unless `token` is the current link and setup is still to be done. */
export async function assertSetupLink(db: Db, token: string): Promise<void> {
  if (!(await isSetupRequired(db))) throw setupGone()
  const row = await db
    .selectFrom('setup_state')
    .select(['token_hash', 'completed_at'])
    .where('id', '=', SETUP_ROW)
    .executeTakeFirst()
  if (row?.completed_at) throw setupGone()
  if (row?.token_hash !== hashSetupToken(token)) throw unknownLink()
}

/**
 * Marks setup done in the caller's transaction, first thing: of two submits at once, the second
 * waits on this row and then finds it done (gone). `token` null is the terminal (npm run setup).
 */
export async function claimSetup(db: Db, token: string | null): Promise<void> {
  if (!(await isSetupRequired(db))) throw setupGone()
  await ensureSetupRow(db)
  let claim = db
    .updateTable('setup_state')
    .set({ completed_at: nowIso(), token_hash: null })
    .where('id', '=', SETUP_ROW)
    .where('completed_at', 'is', null)
  if (token !== null) claim = claim.where('token_hash', '=', hashSetupToken(token))
  const claimed = await claim.executeTakeFirst()
  if (claimed.numUpdatedRows === 1n && (await isSetupRequired(db))) return
  if (claimed.numUpdatedRows === 1n) throw setupGone() // set up otherwise (the demo seed)
  const row = await db
    .selectFrom('setup_state')
    .select('completed_at')
    .where('id', '=', SETUP_ROW)
    .executeTakeFirst()
  throw row?.completed_at ? setupGone() : unknownLink()
}
