import type { FastifyRequest } from 'fastify'
import type { Db } from '../../../db/database.js'
import { toPaymentInfo } from './order-views.js'
import type { PaymentProvider } from '../payments/providers/index.js'

// After the order's transaction commits: ask the provider how to pay (only a payment still
// pending). If it cannot be reached the order stands and the buyer pays from the order page.

export async function payActionFor(
  db: Db,
  payments: PaymentProvider,
  notifyUrl: string,
  request: FastifyRequest,
  paymentId: string,
  description: string,
) {
  const payment = toPaymentInfo(
    await db
      .selectFrom('payment')
      .selectAll()
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow(),
  )
  if (payment.status !== 'pending') return { payment, action: null }
  const action = await payments
    .createPayment({
      outTradeNo: payment.outTradeNo,
      amountFen: payment.amountFen,
      description,
      notifyUrl,
      expiresAt: payment.expiresAt,
      channel: { kind: 'h5', payerClientIp: request.ip },
    })
    .catch((error: unknown) => {
      request.log.warn({ err: error }, 'payment provider unreachable after checkout')
      return null
    })
  return { payment, action }
}
