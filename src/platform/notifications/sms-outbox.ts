import type { Updateable } from 'kysely'
import type { Db } from '../../db/database.js'
import { smsSignatureOf } from '../county/index.js'
import { addSeconds, nowIso } from '../../shared/clock.js'
import { newId } from '../../shared/ids.js'
import type { SmsOutboxTable } from './schema.js'
import { SmsSendError, type SmsProvider } from './sms-provider.js'
import { smsLogText, type SmsTemplateKey } from './sms-templates.js'

/** Queues a text in the caller's transaction; the dispatcher sends it after commit. */
export async function enqueueSms(
  db: Db,
  message: { phone: string; template: SmsTemplateKey; params: Record<string, string> },
): Promise<void> {
  await db
    .insertInto('sms_outbox')
    .values({
      id: newId(),
      phone: message.phone,
      template: message.template,
      params_json: JSON.stringify(message.params),
      status: 'pending',
      created_at: nowIso(),
      sent_at: null,
      attempts: 0,
      next_attempt_at: null,
      locked_until: null,
      provider: null,
      provider_message_id: null,
      body: null,
      last_error: null,
    })
    .execute()
}

export interface DrainOptions {
  now?: string
  batchSize?: number
  /** Attempts before a retryable failure is given up as failed. */
  maxAttempts?: number
  /** Seconds to wait before attempt n+1, indexed by n−1; the last value repeats. */
  backoffS?: readonly number[]
  /** How long a claimed row stays ours before another dispatcher may take it over. */
  leaseS?: number
}

export interface DrainResult {
  sent: number
  retrying: number
  failed: number
}

const DEFAULT_BACKOFF_S = [30, 120, 600, 1800, 3600] as const

/**
 * Sends what is due. Safe with several app nodes draining at once: each row is claimed by a
 * conditional update before it is sent. A node that dies mid-send leaves its lease to expire and
 * the row is sent again — at least once, never silently dropped.
 */
export async function drainSmsOutbox(
  db: Db,
  provider: SmsProvider,
  options: DrainOptions = {},
): Promise<DrainResult> {
  const now = options.now ?? nowIso()
  const maxAttempts = options.maxAttempts ?? 6
  const backoff = options.backoffS ?? DEFAULT_BACKOFF_S
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 }

  const due = await dueRows(db, now)
    .limit(options.batchSize ?? 50)
    .execute()
  if (due.length === 0) return result
  const signature = await smsSignatureOf(db)
  for (const row of due) {
    const taken = await db
      .updateTable('sms_outbox')
      .set({
        status: 'sending',
        locked_until: addSeconds(now, options.leaseS ?? 120),
        attempts: row.attempts + 1,
      })
      .where('id', '=', row.id)
      // Every claim bumps attempts, so an unchanged count proves nobody claimed it since we read.
      .where('attempts', '=', row.attempts)
      .executeTakeFirst()
    if (taken.numUpdatedRows !== 1n) continue

    const attempts = row.attempts + 1
    try {
      const params = JSON.parse(row.params_json) as Record<string, string>
      const receipt = await provider.send({
        phone: row.phone,
        template: row.template,
        params,
        signature,
        reference: row.id,
      })
      await finish(db, row.id, attempts, {
        status: 'sent',
        sent_at: nowIso(),
        provider: provider.name,
        provider_message_id: receipt.providerMessageId,
        body: smsLogText(row.template, params, receipt.body),
        last_error: null,
      })
      result.sent += 1
    } catch (error) {
      const failure =
        error instanceof SmsSendError
          ? error
          : new SmsSendError(
              'unexpected',
              error instanceof Error ? error.message : String(error),
              true,
            )
      const giveUp = !failure.retryable || attempts >= maxAttempts
      const wait = backoff[Math.min(attempts, backoff.length) - 1] ?? 60
      await finish(db, row.id, attempts, {
        status: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? null : addSeconds(now, wait),
        provider: provider.name,
        last_error: failure.message.slice(0, 500),
      })
      if (giveUp) result.failed += 1
      else result.retrying += 1
    }
  }
  return result
}

function dueRows(db: Db, now: string) {
  return db
    .selectFrom('sms_outbox')
    .select(['id', 'phone', 'template', 'params_json', 'attempts'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'pending'),
          eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
        ]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('created_at')
}

/** Records the outcome, unless the lease was lost and another dispatcher has the row now. */
async function finish(
  db: Db,
  id: string,
  attempts: number,
  values: Updateable<SmsOutboxTable>,
): Promise<void> {
  await db
    .updateTable('sms_outbox')
    .set({ ...values, locked_until: null })
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .execute()
}
