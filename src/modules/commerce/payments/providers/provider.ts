// The payment provider interface the commerce module calls. Adapters: wechat-pay-v3.ts, alipay.ts
// and local-provider.ts (the offline stand-in). Money is integer fen on this side of every
// adapter; times are ISO-8601 UTC text.

export type PaymentProviderName = 'wechat-pay' | 'alipay' | 'local'

/** How the payer will pay: a mobile browser (H5), a QR code (native), or inside WeChat (JSAPI). */
export type PaymentChannel =
  | { kind: 'h5'; payerClientIp: string; returnUrl?: string }
  | { kind: 'native' }
  | { kind: 'jsapi'; payerOpenId: string }

export interface CreatePaymentInput {
  /** Our order's payment number: unique per attempt, 6–32 characters of [0-9A-Za-z_-]. */
  outTradeNo: string
  amountFen: number
  description: string
  notifyUrl: string
  /** ISO-8601; after it the provider refuses to take the payment. */
  expiresAt: string
  channel: PaymentChannel
}

/** What the client needs to pay. */
export type PaymentAction =
  | { kind: 'redirect'; url: string }
  | { kind: 'qr-code'; codeUrl: string }
  | { kind: 'jsapi'; params: JsapiPayParams }

/** The parameters of WeixinJSBridge `getBrandWCPayRequest` / `wx.requestPayment`. */
export interface JsapiPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export type PaymentStatus = 'pending' | 'succeeded' | 'closed' | 'failed'

export interface PaymentState {
  outTradeNo: string
  status: PaymentStatus
  /** Present whenever the provider reports it; always present once succeeded. */
  amountFen?: number
  /** The provider's transaction id once paid. */
  providerTransactionId?: string
  paidAt?: string
  /** The provider's own state name (NOTPAY, TRADE_SUCCESS, …), for reconciliation and logs. */
  providerState: string
}

export interface RefundInput {
  outTradeNo: string
  /** Our refund number: unique per refund; repeating it repeats the same refund, never a new one. */
  outRefundNo: string
  refundFen: number
  /** What the trade was paid in full (WeChat checks it). */
  totalFen: number
  reason: string
  /** Where the refund's result is posted (WeChat, local); Alipay answers refunds synchronously. */
  notifyUrl: string
}

export type RefundStatus = 'processing' | 'succeeded' | 'failed'

export interface RefundState {
  outTradeNo: string
  outRefundNo: string
  status: RefundStatus
  refundFen: number
  providerRefundId?: string
  succeededAt?: string
  providerState: string
}

export type PaymentEventKind =
  'payment.succeeded' | 'payment.closed' | 'refund.succeeded' | 'refund.failed'

/** A verified notification, the same shape whichever provider sent it. */
export interface PaymentEvent {
  kind: PaymentEventKind
  outTradeNo: string
  outRefundNo?: string
  /** The provider's transaction id (trade_no, transaction_id); empty for a trade closed unpaid. */
  providerTransactionId: string
  /** The provider's refund id, on refund events when it has one. */
  providerRefundId?: string
  /** What the event is about: the amount paid, or the amount of this refund. */
  amountFen: number
  occurredAt: string
}

/** The HTTP answer the notifying provider expects. */
export interface NotificationReply {
  status: number
  contentType?: string
  body: string
}

export type NotificationHeaders = Record<string, string | string[] | undefined>

export interface PaymentProvider {
  readonly name: PaymentProviderName
  createPayment(input: CreatePaymentInput): Promise<PaymentAction>
  queryPayment(outTradeNo: string): Promise<PaymentState>
  /**
   * Closes an unpaid payment so it can no longer be paid: call it (and let it succeed) before
   * releasing the order's stock. Throws PaymentProviderError with reason 'already-paid' when the
   * payer was quicker.
   */
  closePayment(outTradeNo: string): Promise<void>
  refund(input: RefundInput): Promise<RefundState>
  queryRefund(outTradeNo: string, outRefundNo: string): Promise<RefundState>
  /**
   * Verifies and reads a notification from the raw request. Returns null for a verified
   * notification the order module has nothing to do with (e.g. Alipay's WAIT_BUYER_PAY).
   * Throws PaymentSignatureError or PaymentNotificationError. Deterministic: a replayed
   * notification gives the same event, so the caller can apply it idempotently.
   */
  parseNotification(headers: NotificationHeaders, rawBody: string): Promise<PaymentEvent | null>
  /** The answer to send once the notification was handled (true) or could not be (false). */
  notificationReply(handled: boolean): NotificationReply
}
