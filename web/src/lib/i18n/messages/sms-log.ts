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
  'sms.surge.title': [
    '过去 24 小时有 {count} 个小时登录验证码请求激增，可能有人借平台给陌生号码发短信（短信轰炸）',
    'Sign-in codes surged in {count} hour(s) of the last 24: someone may be using the shop to text strangers (SMS bombing)',
  ],
  'sms.surge.detail': [
    '最近一次：{hour} 起的一小时发出 {codes} 条，前一天平均每小时 {average} 条。每个地址超过几条后须通过人机校验，全平台每小时有上限。',
    'Latest: {codes} codes in the hour from {hour}, against {average} an hour the day before. Past a few codes each address must pass a challenge, and the shop has an hourly cap.',
  ],
  'sms.surge.open': ['查看审计日志', 'Open the audit log'],
} as const satisfies MessageTable
