import { newId } from '../../shared/ids.js'
import { SmsSendError, type SmsMessage, type SmsProvider, type SmsReceipt } from './sms-provider.js'
import { isSmsTemplateKey, renderSmsTemplate } from './sms-templates.js'

// LocalSmsProvider: the offline stand-in for a gateway, used by the demo and the tests. It sends
// nothing; it refuses what a gateway refuses (bad number, unknown template, missing parameter),
// applies a gateway's per-number flow control, and returns the rendered text so the console's
// SMS log shows exactly what a villager would have received.

export interface LocalSmsOptions {
  /** Messages one number may receive per minute and per hour (Aliyun's defaults: 1 and 5). */
  perMinute?: number
  perHour?: number
  now?: () => number
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

export class LocalSmsProvider implements SmsProvider {
  readonly name = 'local'
  private readonly sentAt = new Map<string, number[]>()

  constructor(private readonly options: LocalSmsOptions = {}) {}

  send(message: SmsMessage): Promise<SmsReceipt> {
    if (!MAINLAND_MOBILE.test(message.phone)) {
      return Promise.reject(
        new SmsSendError('isv.MOBILE_NUMBER_ILLEGAL', 'not a mainland mobile number', false),
      )
    }
    if (!isSmsTemplateKey(message.template)) {
      return Promise.reject(new SmsSendError('isv.SMS_TEMPLATE_ILLEGAL', message.template, false))
    }
    const body = renderSmsTemplate(message.template, message.params, message.signature)
    if (body === undefined) {
      return Promise.reject(
        new SmsSendError('isv.TEMPLATE_MISSING_PARAMETERS', message.template, false),
      )
    }
    const now = (this.options.now ?? Date.now)()
    const recent = (this.sentAt.get(message.phone) ?? []).filter((t) => now - t < 3_600_000)
    const lastMinute = recent.filter((t) => now - t < 60_000).length
    if (
      lastMinute >= (this.options.perMinute ?? 1) ||
      recent.length >= (this.options.perHour ?? 5)
    ) {
      return Promise.reject(
        new SmsSendError('isv.BUSINESS_LIMIT_CONTROL', 'flow control for this number', true),
      )
    }
    this.sentAt.set(message.phone, [...recent, now])
    return Promise.resolve({ providerMessageId: `local-${newId()}`, body })
  }
}
