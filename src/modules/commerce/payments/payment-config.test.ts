import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPaymentConfig } from './payment-config.js'
import { providerPayments } from './configured-payments.js'

const pemPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

function keyFiles(): { privateFile: string; publicFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cuntong-pay-'))
  const pair = pemPair()
  writeFileSync(path.join(dir, 'private.pem'), pair.privateKey)
  writeFileSync(path.join(dir, 'public.pem'), pair.publicKey)
  return { privateFile: path.join(dir, 'private.pem'), publicFile: path.join(dir, 'public.pem') }
}

describe('payment provider configuration', () => {
  it('uses the local stand-in unless told otherwise', () => {
    expect(readPaymentConfig({}, [])).toEqual({ provider: 'local' })
  })

  it('lists everything WeChat Pay still needs, at once', () => {
    const problems: string[] = []
    readPaymentConfig(
      { PAYMENT_PROVIDER: 'wechat-pay', PUBLIC_BASE_URL: 'http://shop.example' },
      problems,
    )
    expect(problems).toEqual([
      'PUBLIC_BASE_URL must be an https:// address the payment provider can reach',
      'WECHATPAY_APIV3_KEY must be set when PAYMENT_PROVIDER=wechat-pay',
      'set WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_FILE, or WECHATPAY_PLATFORM_CERT_FILES',
      'WECHATPAY_MCHID must be set when PAYMENT_PROVIDER=wechat-pay',
      'WECHATPAY_APPID must be set when PAYMENT_PROVIDER=wechat-pay',
      'WECHATPAY_MERCHANT_SERIAL_NO must be set when PAYMENT_PROVIDER=wechat-pay',
      'WECHATPAY_PRIVATE_KEY_FILE must be set when PAYMENT_PROVIDER=wechat-pay',
    ])
  })

  it('builds the WeChat Pay and Alipay adapters from key files, with callbacks to PUBLIC_BASE_URL', () => {
    const keys = keyFiles()
    const problems: string[] = []
    const wechat = readPaymentConfig(
      {
        PAYMENT_PROVIDER: 'wechat-pay',
        PUBLIC_BASE_URL: 'https://shop.wutai.example/',
        WECHATPAY_MCHID: '1900000001',
        WECHATPAY_APPID: 'wx0000000000000001',
        WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
        WECHATPAY_PRIVATE_KEY_FILE: keys.privateFile,
        WECHATPAY_APIV3_KEY: 'a'.repeat(32),
        WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0000000001',
        WECHATPAY_PUBLIC_KEY_FILE: keys.publicFile,
      },
      problems,
    )
    const alipay = readPaymentConfig(
      {
        PAYMENT_PROVIDER: 'alipay',
        PUBLIC_BASE_URL: 'https://shop.wutai.example',
        ALIPAY_APP_ID: '2021000000000001',
        ALIPAY_APP_PRIVATE_KEY_FILE: keys.privateFile,
        ALIPAY_PUBLIC_KEY_FILE: '/nowhere/alipay.pem',
      },
      problems,
    )
    expect(problems).toEqual(['ALIPAY_PUBLIC_KEY_FILE: no file at /nowhere/alipay.pem'])
    if (wechat.provider !== 'wechat-pay' || alipay.provider !== 'alipay')
      throw new Error('provider')
    const configured = providerPayments(wechat)
    expect(configured.provider.name).toBe('wechat-pay')
    expect(configured.notifyUrl).toBe(
      'https://shop.wutai.example/api/commerce/shop/payments/notify/wechat-pay',
    )
    const fixed = providerPayments({ ...alipay, alipayPublicKey: pemPair().publicKey })
    expect(fixed.provider.name).toBe('alipay')
  })
})
