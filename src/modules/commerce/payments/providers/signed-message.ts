import { randomBytes } from 'node:crypto'
import { PaymentSignatureError } from './errors.js'
import type { NotificationHeaders } from './provider.js'

// WeChat Pay API v3 signs responses and callbacks over `timestamp\nnonce\nbody\n` and sends the
// parts in four headers; the local provider does the same with its own header names.

export interface SignatureHeaders {
  timestamp: string
  nonce: string
  signature: string
  serial: string
}

/** A header's value, looked up case-insensitively (node lowercases, fetch's Headers too). */
export function headerValue(headers: NotificationHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

/** Reads `<prefix>-Timestamp`, `-Nonce`, `-Signature` and `-Serial`; serial may be absent. */
export function readSignatureHeaders(
  headers: NotificationHeaders,
  prefix: string,
): SignatureHeaders {
  const timestamp = headerValue(headers, `${prefix}-Timestamp`)
  const nonce = headerValue(headers, `${prefix}-Nonce`)
  const signature = headerValue(headers, `${prefix}-Signature`)
  if (!timestamp || !nonce || !signature) {
    throw new PaymentSignatureError('missing', `the ${prefix}-* signature headers are missing`)
  }
  return { timestamp, nonce, signature, serial: headerValue(headers, `${prefix}-Serial`) ?? '' }
}

export const signedMessage = (timestamp: string, nonce: string, body: string): string =>
  `${timestamp}\n${nonce}\n${body}\n`

/** Rejects a timestamp (Unix seconds) further than maxSkewS from now, either way. */
export function checkTimestamp(timestamp: string, nowMs: number, maxSkewS: number): void {
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new PaymentSignatureError('stale-timestamp', `not a timestamp: ${timestamp}`)
  }
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewS) {
    throw new PaymentSignatureError(
      'stale-timestamp',
      `timestamp ${timestamp} is more than ${maxSkewS} s away from now`,
    )
  }
}

/** A random nonce: 32 hexadecimal characters. */
export const newNonce = (): string => randomBytes(16).toString('hex').toUpperCase()

/** Seconds since the epoch, as the text signatures carry. */
export const unixSeconds = (nowMs: number): string => String(Math.floor(nowMs / 1000))
