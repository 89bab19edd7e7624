import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

// PAYMENT_PROVIDER: `local` (default, the offline stand-in), `wechat-pay` or `alipay`, with the
// keys each needs read from files (never from the environment itself: keys are multi-line PEM).

export type PaymentConfig =
  | { provider: 'local' }
  | {
      provider: 'wechat-pay'
      publicBaseUrl: string
      mchId: string
      appId: string
      merchantSerialNo: string
      merchantPrivateKey: string
      apiV3Key: string
      /** Key id → PEM public key or platform certificate. */
      platformPublicKeys: Record<string, string>
      wechatpayPublicKeyId: string | undefined
      baseUrl: string | undefined
    }
  | {
      provider: 'alipay'
      publicBaseUrl: string
      appId: string
      appPrivateKey: string
      alipayPublicKey: string
      sellerId: string | undefined
      gatewayUrl: string | undefined
      quitUrl: string | undefined
    }

type Env = Record<string, string | undefined>

export function readPaymentConfig(env: Env, problems: string[]): PaymentConfig {
  const provider = env.PAYMENT_PROVIDER ?? 'local'
  if (provider === 'local') return { provider }
  if (provider !== 'wechat-pay' && provider !== 'alipay') {
    problems.push(`PAYMENT_PROVIDER must be local, wechat-pay or alipay, got "${provider}"`)
    return { provider: 'local' }
  }
  const required = (name: string): string => {
    const value = env[name]
    if (!value) problems.push(`${name} must be set when PAYMENT_PROVIDER=${provider}`)
    return value ?? ''
  }
  const file = (name: string): string => {
    const where = required(name)
    if (!where) return ''
    if (!existsSync(where)) {
      problems.push(`${name}: no file at ${where}`)
      return ''
    }
    return readFileSync(where, 'utf8')
  }
  const publicBaseUrl = required('PUBLIC_BASE_URL')
  if (publicBaseUrl && !/^https:\/\//.test(publicBaseUrl))
    problems.push('PUBLIC_BASE_URL must be an https:// address the payment provider can reach')

  if (provider === 'alipay') {
    return {
      provider,
      publicBaseUrl,
      appId: required('ALIPAY_APP_ID'),
      appPrivateKey: file('ALIPAY_APP_PRIVATE_KEY_FILE'),
      alipayPublicKey: file('ALIPAY_PUBLIC_KEY_FILE'),
      sellerId: env.ALIPAY_SELLER_ID || undefined,
      gatewayUrl: env.ALIPAY_GATEWAY_URL || undefined,
      quitUrl: env.ALIPAY_QUIT_URL || undefined,
    }
  }
  const apiV3Key = required('WECHATPAY_APIV3_KEY')
  if (apiV3Key && apiV3Key.length !== 32) problems.push('WECHATPAY_APIV3_KEY must be 32 characters')
  const wechatpayPublicKeyId = env.WECHATPAY_PUBLIC_KEY_ID || undefined
  const platformPublicKeys: Record<string, string> = {}
  if (wechatpayPublicKeyId) {
    platformPublicKeys[wechatpayPublicKeyId] = file('WECHATPAY_PUBLIC_KEY_FILE')
  } else if (env.WECHATPAY_PLATFORM_CERT_FILES) {
    // Certificate mode: WeChat names the certificate by its serial in Wechatpay-Serial.
    for (const where of env.WECHATPAY_PLATFORM_CERT_FILES.split(',').map((f) => f.trim())) {
      if (!existsSync(where)) {
        problems.push(`WECHATPAY_PLATFORM_CERT_FILES: no file at ${where}`)
        continue
      }
      const pem = readFileSync(where, 'utf8')
      try {
        platformPublicKeys[new X509Certificate(pem).serialNumber.toUpperCase()] = pem
      } catch {
        problems.push(`WECHATPAY_PLATFORM_CERT_FILES: ${where} is not a PEM certificate`)
      }
    }
  } else {
    problems.push(
      'set WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_FILE, or WECHATPAY_PLATFORM_CERT_FILES',
    )
  }
  return {
    provider,
    publicBaseUrl,
    mchId: required('WECHATPAY_MCHID'),
    appId: required('WECHATPAY_APPID'),
    merchantSerialNo: required('WECHATPAY_MERCHANT_SERIAL_NO'),
    merchantPrivateKey: file('WECHATPAY_PRIVATE_KEY_FILE'),
    apiV3Key,
    platformPublicKeys,
    wechatpayPublicKeyId,
    baseUrl: env.WECHATPAY_BASE_URL || undefined,
  }
}
