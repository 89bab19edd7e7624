import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'
import type { Db } from '../../db/database.js'
import { maskPhone } from '../../shared/personal-data.js'
import { conflict, notFound } from '../../shared/errors.js'
import { recordAudit } from '../audit/index.js'
import { IdParams, Page, PageQuery, pageWindow, withTransaction } from '../http/index.js'
import { SMS_STATUSES, SmsMessage, type SmsOutboxTable } from './schema.js'
import { smsLogText } from './sms-templates.js'

// The SMS log: operators see what was sent to whom (masked), what failed and why, and can send
// a failed message again once the cause is fixed (a topped-up account, a corrected template).

const SmsListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(SMS_STATUSES)),
  phoneTail: Type.Optional(Type.String({ pattern: '^\\d{4}$', description: 'last 4 digits' })),
})
type SmsListQuery = Static<typeof SmsListQuery>

export const smsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The SMS log, newest first',
        querystring: SmsListQuery,
        response: { 200: Page(SmsMessage) },
      },
      config: { access: { permission: 'notifications:read' } },
    },
    (request) => listSms(db, request.query),
  )

  app.post(
    '/:id/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Send a failed SMS again',
        params: IdParams,
        response: { 200: SmsMessage },
      },
      config: { access: { permission: 'notifications:manage' } },
    },
    (request) =>
      withTransaction(db, request, async (trx, actor) => {
        const row = await trx
          .selectFrom('sms_outbox')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst()
        if (!row) throw notFound({ en: 'SMS', zh: '短信' }, request.params.id)
        if (row.status !== 'failed') {
          throw conflict({
            en: `only a failed SMS can be sent again; this one is ${row.status}`,
            zh: '只有发送失败的短信可以重发',
          })
        }
        const retried = await trx
          .updateTable('sms_outbox')
          .set({ status: 'pending', next_attempt_at: null, last_error: null })
          .where('id', '=', row.id)
          .where('status', '=', 'failed')
          .returningAll()
          .executeTakeFirstOrThrow()
        await recordAudit(trx, actor, {
          action: 'sms.retry',
          entityType: 'sms',
          entityId: row.id,
          organizationId: null,
          before: { status: row.status, lastError: row.last_error },
          after: { status: 'pending' },
        })
        return toSmsMessage(retried)
      }),
  )
}

async function listSms(db: Db, query: SmsListQuery): Promise<Page<SmsMessage>> {
  const { page, pageSize, offset } = pageWindow(query)
  let base = db.selectFrom('sms_outbox')
  if (query.status) base = base.where('status', '=', query.status)
  if (query.phoneTail) base = base.where('phone', 'like', `%${query.phoneTail}`)
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(offset)
      .execute(),
  ])
  return { items: rows.map(toSmsMessage), total, page, pageSize }
}

const toSmsMessage = (row: SmsOutboxTable): SmsMessage => ({
  id: row.id,
  phone: maskPhone(row.phone),
  template: row.template,
  // Masked again on the way out: texts logged before codes were masked still hold them.
  body: smsLogText(row.template, JSON.parse(row.params_json) as Record<string, string>, row.body),
  status: row.status,
  attempts: row.attempts,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  nextAttemptAt: row.next_attempt_at,
  provider: row.provider,
  lastError: row.last_error,
})
