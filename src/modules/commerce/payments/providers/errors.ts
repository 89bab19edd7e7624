import { AppError } from '../../../../shared/errors.js'
import type { PaymentProviderName } from './provider.js'

/** Why a provider refused, the same words for every provider; `providerCode` keeps the original. */
export type PaymentRefusal =
  'already-paid' | 'already-closed' | 'not-found' | 'amount-exceeded' | 'expired' | 'rejected'

const REFUSAL_TEXT: Record<PaymentRefusal, { en: string; zh: string }> = {
  'already-paid': { en: 'the payment has already been paid', zh: '该笔支付已付款' },
  'already-closed': { en: 'the payment is closed', zh: '该笔支付已关闭' },
  'not-found': { en: 'the payment provider does not know it', zh: '支付机构查无此单' },
  'amount-exceeded': { en: 'the refund exceeds what was paid', zh: '退款金额超过已付金额' },
  expired: { en: 'the payment has expired', zh: '该笔支付已过期' },
  rejected: { en: 'the payment provider refused the request', zh: '支付机构拒绝了该请求' },
}

/** The provider answered and said no (a business refusal, not a transport failure). */
export class PaymentProviderError extends AppError {
  constructor(
    readonly provider: PaymentProviderName,
    readonly refusal: PaymentRefusal,
    readonly providerCode: string,
    readonly providerMessage: string,
  ) {
    const text = REFUSAL_TEXT[refusal]
    super(refusal === 'not-found' ? 'not_found' : 'conflict', {
      en: `${provider}: ${text.en} (${providerCode}: ${providerMessage})`,
      zh: `${provider}：${text.zh}（${providerCode}：${providerMessage}）`,
    })
    this.name = 'PaymentProviderError'
  }
}

export type SignatureProblem = 'missing' | 'bad-signature' | 'stale-timestamp' | 'unknown-key'

/**
 * A notification or a provider's response whose signature does not hold. Never the payer's
 * fault, so not an AppError: a forged callback or a misconfigured key.
 */
export class PaymentSignatureError extends Error {
  constructor(
    readonly problem: SignatureProblem,
    message: string,
  ) {
    super(message)
    this.name = 'PaymentSignatureError'
  }
}

/** A correctly signed notification we cannot read (malformed JSON, undecryptable resource). */
export class PaymentNotificationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'PaymentNotificationError'
  }
}

/** The provider could not be reached or answered something that is not its protocol. */
export class PaymentTransportError extends Error {
  constructor(
    readonly provider: PaymentProviderName,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${provider}: ${message}`, options)
    this.name = 'PaymentTransportError'
  }
}
