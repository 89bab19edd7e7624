import type { MessageTable } from './message-table'

// The SMS log (issue 5).
export const smsLogMessages = {
  'nav.smsLog': ['短信记录', 'SMS log'],
  'sms.status.pending': ['待发送', 'Pending'],
  'sms.status.sending': ['发送中', 'Sending'],
  'sms.status.sent': ['已发送', 'Sent'],
  'sms.status.failed': ['发送失败', 'Failed'],
  'sms.phone': ['手机号', 'Phone'],
  'sms.phoneTail': ['手机尾号（4 位）', 'Phone ends with (4 digits)'],
  'sms.phoneTailInvalid': ['请输入 4 位数字', 'Enter 4 digits'],
  'sms.template': ['模板', 'Template'],
  'sms.template.parcel_arrived': ['包裹到站通知', 'Parcel arrived'],
  'sms.template.pickup_reminder': ['取货提醒', 'Pickup reminder'],
  'sms.template.login_code': ['登录验证码', 'Sign-in code'],
  'sms.body': ['内容', 'Text'],
  'sms.attempts': ['尝试次数', 'Attempts'],
  'sms.sentAt': ['发送时间', 'Sent'],
  'sms.lastError': ['失败原因', 'Error'],
  'sms.retry': ['重发', 'Resend'],
  'sms.retryConfirm': ['重新发送给 {phone}？', 'Send it to {phone} again?'],
  'sms.retried': ['已重新排队发送', 'Queued to send again'],
  'sms.empty': ['没有短信记录', 'No texts'],
} as const satisfies MessageTable
