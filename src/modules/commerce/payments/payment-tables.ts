// Issue 4: payments, the provider's notifications applied, refunds (tables).

export interface PaymentTable {
  id: string
  out_trade_no: string
  user_id: string
  provider: string
  amount_fen: number
  status: 'pending' | 'succeeded' | 'closed'
  provider_transaction_id: string | null
  pay_url: string | null
  expires_at: string
  paid_at: string | null
  closed_at: string | null
  refunded_fen: number
  created_at: string
}

export interface PaymentNotificationTable {
  /** provider + kind + trade (+ refund) number: the same event twice is the same key. */
  event_key: string
  provider: string
  kind: string
  out_trade_no: string
  amount_fen: number
  outcome: string
  received_at: string
}

export interface RefundTable {
  id: string
  out_refund_no: string
  payment_id: string
  order_id: string
  amount_fen: number
  reason: string
  status: 'pending' | 'succeeded' | 'failed'
  /** Submissions to the provider so far; the same out_refund_no each time, so never twice paid. */
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  created_at: string
  finished_at: string | null
}

export interface PaymentTables {
  payment: PaymentTable
  payment_notification: PaymentNotificationTable
  refund: RefundTable
}
