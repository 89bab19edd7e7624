import type { Db } from '../../../../db/database.js'
import { groupCommit, isSqlite } from '../../../../db/group-commit.js'
import {
  newClaimToken,
  type LocalDelivery,
  type LocalGatewayStore,
  type LocalRefund,
  type LocalTrade,
} from './local-gateway-store.js'
import type {
  LocalGatewayDeliveryTable,
  LocalGatewayRefundTable,
  LocalGatewayTradeTable,
} from './local-gateway-tables.js'

// The local stand-in's state in the app's database, so a payment the payer confirmed and its
// callback survive a crash, and several app nodes share one gateway. Each call is its own
// statement (the gateway is another party: it never joins the app's transactions; on SQLite a
// saved trade may share their commit, in a savepoint of its own).

const iso = (ms: number): string => new Date(ms).toISOString()

export class DatabaseLocalGatewayStore implements LocalGatewayStore {
  constructor(private readonly db: Db) {}

  async findTrade(outTradeNo: string) {
    const row = await this.db
      .selectFrom('local_gateway_trade')
      .selectAll()
      .where('out_trade_no', '=', outTradeNo)
      .executeTakeFirst()
    return row && toTrade(row)
  }

  async findTradeByToken(token: string) {
    const row = await this.db
      .selectFrom('local_gateway_trade')
      .selectAll()
      .where('token', '=', token)
      .executeTakeFirst()
    return row && toTrade(row)
  }

  async saveTrade(trade: LocalTrade) {
    const row = toTradeRow(trade)
    // A new trade is saved at every checkout: on SQLite it shares the commit of the checkouts
    // and trades saved at the same moment, in a savepoint of its own (issue 14).
    const save = (db: Db) =>
      db
        .insertInto('local_gateway_trade')
        .values(row)
        // The number and the pay page's token never change; the trade's state does.
        .onConflict((oc) =>
          oc.column('out_trade_no').doUpdateSet({
            status: row.status,
            transaction_id: row.transaction_id,
            paid_at: row.paid_at,
            closed_at: row.closed_at,
          }),
        )
        .execute()
    await (isSqlite(this.db) ? groupCommit(this.db, save) : save(this.db))
  }

  async findRefund(outRefundNo: string) {
    const row = await this.db
      .selectFrom('local_gateway_refund')
      .selectAll()
      .where('out_refund_no', '=', outRefundNo)
      .executeTakeFirst()
    return row && toRefund(row)
  }

  async listRefunds(outTradeNo: string) {
    const rows = await this.db
      .selectFrom('local_gateway_refund')
      .selectAll()
      .where('out_trade_no', '=', outTradeNo)
      .orderBy('succeeded_at')
      .execute()
    return rows.map(toRefund)
  }

  async saveRefund(refund: LocalRefund) {
    await this.db
      .insertInto('local_gateway_refund')
      .values({
        out_refund_no: refund.outRefundNo,
        out_trade_no: refund.outTradeNo,
        refund_id: refund.refundId,
        refund_fen: refund.refundFen,
        reason: refund.reason,
        status: refund.status,
        succeeded_at: refund.succeededAt,
      })
      .onConflict((oc) => oc.column('out_refund_no').doNothing())
      .execute()
  }

  async addDelivery(delivery: LocalDelivery) {
    await this.db
      .insertInto('local_gateway_delivery')
      .values({
        id: delivery.id,
        notify_url: delivery.notifyUrl,
        body: delivery.body,
        attempts: delivery.attempts,
        next_attempt_at: iso(delivery.nextAttemptAtMs),
        status: delivery.status,
        last_error: delivery.lastError ?? null,
        claim_token: null,
        created_at: iso(Date.now()),
      })
      .execute()
  }

  async claimDueDeliveries(nowMs: number, limit: number, leaseUntilMs: number) {
    const due = await this.db
      .selectFrom('local_gateway_delivery')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', iso(nowMs))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute()
    const claimed: LocalDelivery[] = []
    for (const row of due) {
      const claimToken = newClaimToken()
      // A conditional update is the claim, on both dialects: of two nodes that read the same
      // row, the second finds next_attempt_at moved and updates nothing.
      const taken = await this.db
        .updateTable('local_gateway_delivery')
        .set({ next_attempt_at: iso(leaseUntilMs), claim_token: claimToken })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst()
      if (taken.numUpdatedRows === 1n) claimed.push({ ...toDelivery(row), claimToken })
    }
    return claimed
  }

  async finishAttempt(delivery: LocalDelivery) {
    await this.db
      .updateTable('local_gateway_delivery')
      .set({
        attempts: delivery.attempts,
        next_attempt_at: iso(delivery.nextAttemptAtMs),
        status: delivery.status,
        last_error: delivery.lastError?.slice(0, 500) ?? null,
        claim_token: null,
      })
      .where('id', '=', delivery.id)
      .where('claim_token', '=', delivery.claimToken ?? '')
      .execute()
  }

  async nextDeliveryAtMs() {
    const next = await this.db
      .selectFrom('local_gateway_delivery')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return next?.at ? Date.parse(next.at) : undefined
  }
}

const toTradeRow = (trade: LocalTrade): LocalGatewayTradeTable => ({
  out_trade_no: trade.outTradeNo,
  token: trade.token,
  amount_fen: trade.amountFen,
  description: trade.description,
  notify_url: trade.notifyUrl,
  expires_at: trade.expiresAt,
  status: trade.status,
  transaction_id: trade.transactionId ?? null,
  paid_at: trade.paidAt ?? null,
  closed_at: trade.closedAt ?? null,
})

function toTrade(row: LocalGatewayTradeTable): LocalTrade {
  const trade: LocalTrade = {
    outTradeNo: row.out_trade_no,
    token: row.token,
    amountFen: row.amount_fen,
    description: row.description,
    notifyUrl: row.notify_url,
    expiresAt: row.expires_at,
    status: row.status,
  }
  if (row.transaction_id !== null) trade.transactionId = row.transaction_id
  if (row.paid_at !== null) trade.paidAt = row.paid_at
  if (row.closed_at !== null) trade.closedAt = row.closed_at
  return trade
}

const toRefund = (row: LocalGatewayRefundTable): LocalRefund => ({
  outRefundNo: row.out_refund_no,
  outTradeNo: row.out_trade_no,
  refundId: row.refund_id,
  refundFen: row.refund_fen,
  reason: row.reason,
  status: row.status,
  succeededAt: row.succeeded_at,
})

function toDelivery(row: LocalGatewayDeliveryTable): LocalDelivery {
  const delivery: LocalDelivery = {
    id: row.id,
    notifyUrl: row.notify_url,
    body: row.body,
    attempts: row.attempts,
    nextAttemptAtMs: Date.parse(row.next_attempt_at),
    status: row.status,
  }
  if (row.last_error !== null) delivery.lastError = row.last_error
  return delivery
}
