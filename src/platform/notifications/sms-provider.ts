// The SMS provider interface. Messages are sent from the outbox by the dispatcher; providers
// only know how to hand one message to a gateway.

export interface SmsMessage {
  /** Mainland mobile number, 11 digits. */
  phone: string
  /** One of SMS_TEMPLATES' keys; providers map it to their own approved template. */
  template: string
  params: Record<string, string>
  /** The county's SMS signature (签名) from its settings; a gateway may be configured with its own. */
  signature: string
  /** Our outbox id, echoed back by gateways that support it (Aliyun OutId). */
  reference: string
}

export interface SmsReceipt {
  providerMessageId: string
  /** The text as sent, when the provider renders it locally. */
  body: string | null
}

export interface SmsProvider {
  /** Short name stored with each sent message: `aliyun`, `local`. */
  readonly name: string
  send(message: SmsMessage): Promise<SmsReceipt>
}

/**
 * A refused or failed send. `retryable` says whether the same message may succeed later (network
 * trouble, rate limits, gateway errors) or never will (bad number, unknown template).
 */
export class SmsSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(`${code}: ${message}`)
    this.name = 'SmsSendError'
  }
}
