// The local provider's gateway state: trades, refunds and callbacks waiting to be delivered.
// Async, so the integrator can back it by the database; the in-memory one serves demo and tests.

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
}

export interface LocalGatewayStore {
  findTrade(outTradeNo: string): Promise<LocalTrade | undefined>
  findTradeByToken(token: string): Promise<LocalTrade | undefined>
  saveTrade(trade: LocalTrade): Promise<void>
  findRefund(outRefundNo: string): Promise<LocalRefund | undefined>
  listRefunds(outTradeNo: string): Promise<LocalRefund[]>
  saveRefund(refund: LocalRefund): Promise<void>
  saveDelivery(delivery: LocalDelivery): Promise<void>
  /** Pending deliveries due at or before nowMs, oldest first. */
  listDueDeliveries(nowMs: number): Promise<LocalDelivery[]>
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
  async saveDelivery(delivery: LocalDelivery) {
    this.deliveries.set(delivery.id, { ...delivery })
  }
  async listDueDeliveries(nowMs: number) {
    return this.pending()
      .filter((delivery) => delivery.nextAttemptAtMs <= nowMs)
      .map((delivery) => ({ ...delivery }))
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

const copy = <T extends object>(value: T | undefined): T | undefined =>
  value ? { ...value } : undefined
