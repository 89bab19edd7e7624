import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { signSha256WithRsa, verifySha256WithRsa } from './wechat-pay-crypto.js'

// Alipay OpenAPI's RSA2: SHA256withRSA over the parameters sorted by name, `k=v` joined by `&`.

/** A PEM key, or the bare base64 Alipay's key tool prints (PKCS#8 private, SPKI public). */
export function toAlipayKey(key: string | KeyObject, kind: 'private' | 'public'): KeyObject {
  if (typeof key !== 'string') return key
  if (key.includes('-----BEGIN'))
    return kind === 'private' ? createPrivateKey(key) : createPublicKey(key)
  const der = Buffer.from(key.replace(/\s+/g, ''), 'base64')
  return kind === 'private'
    ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    : createPublicKey({ key: der, format: 'der', type: 'spki' })
}

/**
 * The text Alipay signs: parameters with a value, minus `sign` (and `sign_type` for
 * notifications), sorted by name in ASCII order, joined as `k=v&k=v` without URL-encoding.
 */
export function alipaySignContent(
  params: Record<string, string | undefined>,
  exclude: readonly string[] = ['sign'],
): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => !!entry[1] && !exclude.includes(entry[0]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

export const signAlipay = (content: string, appPrivateKey: KeyObject): string =>
  signSha256WithRsa(content, appPrivateKey)

export const verifyAlipay = (content: string, sign: string, alipayPublicKey: KeyObject): boolean =>
  verifySha256WithRsa(content, sign, alipayPublicKey)

/**
 * The exact text of `"<key>": {…}` in a gateway answer — what Alipay signed. Re-serialising the
 * parsed JSON would not do: spacing, key order and escapes must stay as they were sent.
 */
export function extractSignedJson(text: string, key: string): string | undefined {
  const keyAt = text.indexOf(`"${key}"`)
  if (keyAt < 0) return undefined
  const start = text.indexOf('{', keyAt + key.length + 2)
  if (start < 0 || text.slice(keyAt + key.length + 2, start).trim() !== ':') return undefined
  let depth = 0
  let inString = false
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return text.slice(start, index + 1)
  }
  return undefined
}
