import {
  AliyunSmsProvider,
  LocalSmsProvider,
  type SmsProvider,
} from '../platform/notifications/index.js'
import type { SmsConfig } from './config.js'

/** The configured gateway; the local stand-in unless SMS_PROVIDER=aliyun. */
export function smsProviderFor(config: SmsConfig): SmsProvider {
  if (config.provider === 'local') return new LocalSmsProvider()
  return new AliyunSmsProvider({
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    signName: config.signName,
    templateCodes: config.templateCodes,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  })
}
