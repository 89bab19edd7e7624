import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Db } from '../../../db/database.js'
import { systemActor } from '../../../platform/http/index.js'
import { notFound } from '../../../shared/errors.js'
import {
  PaymentNotificationError,
  PaymentSignatureError,
  type LocalPaymentProvider,
  type PaymentProvider,
} from './providers/index.js'
import { applyPaymentEvent, type PaymentListener } from './payments.js'
import { LocalPayPage, LocalPayTokenParams } from './payment-schema.js'

// Provider callbacks (public, verified by signature, applied idempotently) and, with the local
// provider, the pay page's two buttons.

export interface PaymentRoutesOptions {
  db: Db
  payments: PaymentProvider
  /** Present when payments are the local stand-in: its pay page is served here. */
  localGateway?: LocalPaymentProvider
  /** What the callbacks' events mean for the orders paid for (commerce's wiring). */
  listener: PaymentListener
}

const tags = ['commerce: payments']

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRoutesOptions> = async (
  app,
  { db, payments, localGateway, listener },
) => {
  await app.register(async (plain) => {
    const raw = plain.withTypeProvider<TypeBoxTypeProvider>()
    // Signatures cover the exact bytes sent, so the callback's body is kept as text.
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body)
    })
    raw.post(
      '/shop/payments/notify/:provider',
      {
        schema: {
          tags,
          summary: 'Payment provider callback (signed; a repeated callback changes nothing)',
          params: Type.Object({ provider: Type.String() }),
        },
        config: { access: { public: true } },
      },
      async (request, reply) => {
        if (request.params.provider !== payments.name)
          throw notFound({ en: 'payment provider', zh: '支付渠道' }, request.params.provider)
        let handled = false
        try {
          const event = await payments.parseNotification(
            request.headers,
            typeof request.body === 'string' ? request.body : '',
          )
          if (event !== null) {
            const outcome = await db
              .transaction()
              .execute((trx) =>
                applyPaymentEvent(
                  trx,
                  systemActor(`notify:${payments.name}`),
                  payments.name,
                  event,
                  listener,
                ),
              )
            request.log.info({ outcome, outTradeNo: event.outTradeNo }, 'payment notification')
          }
          handled = true
        } catch (error) {
          if (!(
            error instanceof PaymentSignatureError || error instanceof PaymentNotificationError
          ))
            throw error
          request.log.warn({ err: error }, 'payment notification refused')
          // Not signed by the provider (or signed too long ago): 401, in the provider's own words.
          if (error instanceof PaymentSignatureError) {
            const refusal = payments.notificationReply(false)
            return reply
              .status(401)
              .type(refusal.contentType ?? 'text/plain')
              .send(refusal.body)
          }
        }
        const answer = payments.notificationReply(handled)
        return reply
          .status(answer.status)
          .type(answer.contentType ?? 'text/plain')
          .send(answer.body)
      },
    )
  })

  if (!localGateway) return
  const localTags = ['commerce: local payment (offline stand-in)']

  app.get(
    '/shop/local-pay/:token',
    {
      schema: { tags: localTags, params: LocalPayTokenParams, response: { 200: LocalPayPage } },
      config: { access: { public: true } },
    },
    async (request) => {
      const page = await localGateway.findPayPage(request.params.token)
      if (!page) throw notFound({ en: 'payment', zh: '支付单' }, request.params.token)
      return page
    },
  )
  for (const choice of ['confirm', 'decline'] as const) {
    app.post(
      `/shop/local-pay/:token/${choice}`,
      {
        schema: { tags: localTags, params: LocalPayTokenParams, response: { 200: LocalPayPage } },
        config: { access: { public: true } },
      },
      (request) => localGateway[choice](request.params.token),
    )
  }
}
