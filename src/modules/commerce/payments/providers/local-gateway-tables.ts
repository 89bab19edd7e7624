// The local stand-in's own tables (migration 2026_12_07_023_local_payment_gateway): what a real
// provider keeps on its side — trades, refunds and the outbox of callbacks still to deliver.
// Owned by the payment library; the order module never reads them (it asks queryPayment).

export interface LocalGatewayTradeTable {
  out_trade_no: string
  token: string
  amount_fen: number
  description: string
  notify_url: string
  expires_at: string
  status: 'pending' | 'succeeded' | 'closed'
  transaction_id: string | null
  paid_at: string | null
  closed_at: string | null
}

export interface LocalGatewayRefundTable {
  out_refund_no: string
  out_trade_no: string
  refund_id: string
  refund_fen: number
  reason: string
  status: 'succeeded'
  succeeded_at: string
}

export interface LocalGatewayDeliveryTable {
  id: string
  notify_url: string
  body: string
  attempts: number
  /** ISO-8601 UTC; while claimed, when the claim runs out. */
  next_attempt_at: string
  status: 'pending' | 'delivered' | 'gave-up'
  last_error: string | null
  claim_token: string | null
  created_at: string
}

export interface LocalGatewayTables {
  local_gateway_trade: LocalGatewayTradeTable
  local_gateway_refund: LocalGatewayRefundTable
  local_gateway_delivery: LocalGatewayDeliveryTable
}
