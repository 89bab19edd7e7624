import { randomBytes } from 'node:crypto'

// The local provider's gateway state: trades, refunds and callbacks waiting to be delivered.
// The app keeps it in the database (DatabaseLocalGatewayStore); InMemoryLocalGatewayStore serves
// this library's own unit tests, which run without a database.

export type LocalTradeStatus = 'pending' | 'succeeded' | 'closed'

export interface LocalTrade {
  outTradeNo: string
  /** The pay page's secret token. */
  token: string
  amountFen: number
  description: string
  notifyUrl: string
  expiresAt: string
  status: LocalTradeStatus
  transactionId?: string
  paidAt?: string
  closedAt?: string
}

export interface LocalRefund {
  outRefundNo: string
  outTradeNo: string
  refundId: string
  refundFen: number
  reason: string
  status: 'succeeded'
  succeededAt: string
}

export interface LocalDelivery {
  id: string
  notifyUrl: string
  /** The callback body, fixed when enqueued: every attempt sends the same bytes. */
  body: string
  /** Attempts made so far. */
  attempts: number
  nextAttemptAtMs: number
  status: 'pending' | 'delivered' | 'gave-up'
  lastError?: string
  /** Set by claimDueDeliveries: only the claim's holder may record the attempt's result. */
  claimToken?: string
}

export interface LocalGatewayStore {
  findTrade(outTradeNo: string): Promise<LocalTrade | undefined>
  findTradeByToken(token: string): Promise<LocalTrade | undefined>
  saveTrade(trade: LocalTrade): Promise<void>
  findRefund(outRefundNo: string): Promise<LocalRefund | undefined>
  listRefunds(outTradeNo: string): Promise<LocalRefund[]>
  saveRefund(refund: LocalRefund): Promise<void>
  /** Stores a new delivery. */
  addDelivery(delivery: LocalDelivery): Promise<void>
  /**
   * Claims up to `limit` pending deliveries due at or before nowMs, oldest first: each is moved
   * to `leaseUntilMs` under a fresh claim token, so no other node (or loop) takes it meanwhile.
   * A claim whose holder died runs out at leaseUntilMs and the delivery is due again.
   */
  claimDueDeliveries(nowMs: number, limit: number, leaseUntilMs: number): Promise<LocalDelivery[]>
  /** Records an attempt's result; ignored when the claim was lost (its lease ran out and another took it). */
  finishAttempt(delivery: LocalDelivery): Promise<void>
  /** When the next pending delivery is due, if any. */
  nextDeliveryAtMs(): Promise<number | undefined>
}

export class InMemoryLocalGatewayStore implements LocalGatewayStore {
  private readonly trades = new Map<string, LocalTrade>()
  private readonly refunds = new Map<string, LocalRefund>()
  private readonly deliveries = new Map<string, LocalDelivery>()

  async findTrade(outTradeNo: string) {
    return copy(this.trades.get(outTradeNo))
  }
  async findTradeByToken(token: string) {
    return copy([...this.trades.values()].find((trade) => trade.token === token))
  }
  async saveTrade(trade: LocalTrade) {
    this.trades.set(trade.outTradeNo, { ...trade })
  }
  async findRefund(outRefundNo: string) {
    return copy(this.refunds.get(outRefundNo))
  }
  async listRefunds(outTradeNo: string) {
    return [...this.refunds.values()]
      .filter((refund) => refund.outTradeNo === outTradeNo)
      .map((r) => ({ ...r }))
  }
  async saveRefund(refund: LocalRefund) {
    this.refunds.set(refund.outRefundNo, { ...refund })
  }
  async addDelivery(delivery: LocalDelivery) {
    this.deliveries.set(delivery.id, { ...delivery })
  }
  async claimDueDeliveries(nowMs: number, limit: number, leaseUntilMs: number) {
    return this.pending()
      .filter((delivery) => delivery.nextAttemptAtMs <= nowMs)
      .slice(0, limit)
      .map((delivery) => {
        const claimed = { ...delivery, nextAttemptAtMs: leaseUntilMs, claimToken: newClaimToken() }
        this.deliveries.set(delivery.id, claimed)
        return { ...claimed }
      })
  }
  async finishAttempt(delivery: LocalDelivery) {
    if (this.deliveries.get(delivery.id)?.claimToken !== delivery.claimToken) return
    this.deliveries.set(delivery.id, { ...delivery, claimToken: undefined })
  }
  async nextDeliveryAtMs() {
    return this.pending()[0]?.nextAttemptAtMs
  }
  private pending(): LocalDelivery[] {
    return [...this.deliveries.values()]
      .filter((delivery) => delivery.status === 'pending')
      .sort((a, b) => a.nextAttemptAtMs - b.nextAttemptAtMs)
  }
}

export const newClaimToken = (): string => randomBytes(12).toString('base64url')

const copy = <T extends object>(value: T | undefined): T | undefined =>
  value ? { ...value } : undefined
