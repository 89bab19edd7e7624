// The texts we register with SMS gateways. Gateways in China only send pre-approved templates
// under an approved signature, so the wording lives here once and each provider maps the key to
// its own template code; the local provider renders it itself. The signature (签名) is the
// county's, from its settings (issue 15); each message carries it.

export const SMS_TEMPLATES = {
  parcel_arrived: {
    text: '您的包裹（运单号${waybillNo}）已到达${stationName}，取件码${pickupCode}，请凭取件码到站领取。',
    params: ['waybillNo', 'stationName', 'pickupCode'],
    // Whoever reads the SMS log could collect the parcel with it (issue 15).
    secret: ['pickupCode'],
  },
  pickup_reminder: {
    text: '您的订单${orderNo}已在${placeName}等您${days}天，取货码${pickupCode}。${refundDays}天内未取将自动退款。',
    params: ['orderNo', 'placeName', 'days', 'pickupCode', 'refundDays'],
    // Whoever reads the SMS log could collect the order with it.
    secret: ['pickupCode'],
  },
  login_code: {
    text: '您的登录验证码是${code}，5分钟内有效。如非本人操作，请忽略本短信。',
    params: ['code'],
    // Whoever reads the SMS log could sign in as the consumer with it.
    secret: ['code'],
  },
} as const satisfies Record<
  string,
  { text: string; params: readonly string[]; secret?: readonly string[] }
>

export type SmsTemplateKey = keyof typeof SMS_TEMPLATES

export const isSmsTemplateKey = (key: string): key is SmsTemplateKey => key in SMS_TEMPLATES

/** Fills a template under 【signature】; undefined when a parameter is missing, as a gateway would refuse it. */
export function renderSmsTemplate(
  key: SmsTemplateKey,
  params: Record<string, string>,
  signature: string,
): string | undefined {
  const template = SMS_TEMPLATES[key]
  if (template.params.some((name) => params[name] === undefined)) return undefined
  const text = template.text.replace(/\$\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
  return `【${signature}】${text}`
}

const MASK = '****'

/**
 * The text as the SMS log keeps and shows it: a template's secret parameters (a login code,
 * a pickup code) become ****. Other texts, and templates unknown here, are logged as sent.
 */
export function smsLogText(
  key: string,
  params: Record<string, string>,
  sent: string | null,
): string | null {
  if (sent === null || !isSmsTemplateKey(key)) return sent
  const template = SMS_TEMPLATES[key]
  if (!('secret' in template)) return sent
  const masked = { ...params, ...Object.fromEntries(template.secret.map((name) => [name, MASK])) }
  // Masked under the signature it was sent with, whatever the county's is now.
  const signature = /^【([^】]*)】/.exec(sent)?.[1] ?? ''
  return renderSmsTemplate(key, masked, signature) ?? null
}
