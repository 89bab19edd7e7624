import type { ReconciliationRow } from './payment-schema.js'
import type { Db } from '../../../db/database.js'
import { shanghaiDayStartMs } from '../../../shared/clock.js'

// The daily reconciliation of orders against payments: for each payment created that day, what
// the provider was asked for, what it confirmed, what the orders add up to, and anything that
// does not agree (an amount we did not ask for, a paid payment whose orders are not paid).

export async function reconcileDay(db: Db, date: string) {
  const from = new Date(shanghaiDayStartMs(date)).toISOString()
  const to = new Date(shanghaiDayStartMs(date) + 86_400_000).toISOString()
  const payments = await db
    .selectFrom('payment')
    .selectAll()
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .execute()
  const ids = [...payments.map((p) => p.id), '']
  const [orders, mismatches] = await Promise.all([
    db
      .selectFrom('shop_order')
      .select(['payment_id', 'status', 'total_fen'])
      .where('payment_id', 'in', ids)
      .execute(),
    db
      .selectFrom('payment_notification')
      .select(['out_trade_no', 'outcome'])
      .where('out_trade_no', 'in', [...payments.map((p) => p.out_trade_no), ''])
      .where('outcome', 'in', ['amount-mismatch', 'unknown-payment'])
      .execute(),
  ])
  const rows: ReconciliationRow[] = payments.map((payment) => {
    const own = orders.filter((o) => o.payment_id === payment.id)
    const ordersFen = own.reduce((sum, o) => sum + o.total_fen, 0)
    const problems: string[] = []
    if (ordersFen !== payment.amount_fen) problems.push('orders-do-not-add-up')
    if (
      payment.status === 'succeeded' &&
      own.some((o) => o.status === 'created' || o.status === 'cancelled')
    )
      problems.push('paid-but-order-unpaid')
    if (
      payment.status !== 'succeeded' &&
      own.some((o) => !['created', 'cancelled'].includes(o.status))
    )
      problems.push('order-paid-without-payment')
    if (mismatches.some((m) => m.out_trade_no === payment.out_trade_no))
      problems.push('amount-mismatch')
    return {
      outTradeNo: payment.out_trade_no,
      provider: payment.provider,
      status: payment.status,
      amountFen: payment.amount_fen,
      ordersFen,
      refundedFen: payment.refunded_fen,
      providerTransactionId: payment.provider_transaction_id,
      problems,
    }
  })
  const paid = rows.filter((r) => r.status === 'succeeded')
  return {
    date,
    payments: rows.length,
    paidCount: paid.length,
    paidFen: paid.reduce((sum, r) => sum + r.amountFen, 0),
    refundedFen: rows.reduce((sum, r) => sum + r.refundedFen, 0),
    problems: rows.filter((r) => r.problems.length > 0).length,
    rows,
  }
}
