// What the server and modules may use of notifications.
export { AliyunSmsProvider } from './aliyun-sms.js'
export { LocalSmsProvider } from './local-sms.js'
export { smsRoutes } from './routes.js'
export type { NotificationTables } from './schema.js'
export { startSmsDispatcher } from './sms-dispatcher.js'
export { drainSmsOutbox, enqueueSms } from './sms-outbox.js'
export type { SmsProvider } from './sms-provider.js'
export { SMS_TEMPLATES } from './sms-templates.js'
