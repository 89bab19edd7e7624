import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto'
import { PaymentNotificationError } from './errors.js'

// The cryptography of WeChat Pay API v3: SHA256withRSA (PKCS#1 v1.5) signatures and
// AEAD_AES_256_GCM-encrypted callback resources.

export const AUTHORIZATION_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

/** A PEM private key (PKCS#8 or PKCS#1) or a KeyObject. */
export const toPrivateKey = (key: string | KeyObject): KeyObject =>
  typeof key === 'string' ? createPrivateKey(key) : key

/** A PEM public key, a PEM X.509 certificate (platform certificate mode) or a KeyObject. */
export function toPublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key
  return key.includes('BEGIN CERTIFICATE')
    ? new X509Certificate(key).publicKey
    : createPublicKey(key)
}

export const signSha256WithRsa = (message: string, privateKey: KeyObject): string =>
  sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64')

export function verifySha256WithRsa(
  message: string,
  signatureBase64: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(message, 'utf8'),
      publicKey,
      Buffer.from(signatureBase64, 'base64'),
    )
  } catch {
    return false
  }
}

export interface AuthorizationParts {
  mchId: string
  serialNo: string
  nonce: string
  timestamp: string
  signature: string
}

/** The request signature's message: `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`. */
export const requestMessage = (
  method: string,
  pathWithQuery: string,
  timestamp: string,
  nonce: string,
  body: string,
): string => `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`

export const formatAuthorization = (parts: AuthorizationParts): string =>
  `${AUTHORIZATION_SCHEMA} mchid="${parts.mchId}",nonce_str="${parts.nonce}",` +
  `signature="${parts.signature}",timestamp="${parts.timestamp}",serial_no="${parts.serialNo}"`

/** Reads an Authorization header back into its parts (what WeChat Pay's server does). */
export function parseAuthorization(header: string): AuthorizationParts | undefined {
  if (!header.startsWith(`${AUTHORIZATION_SCHEMA} `)) return undefined
  const fields = new Map<string, string>()
  for (const match of header.slice(AUTHORIZATION_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields.set(match[1] ?? '', match[2] ?? '')
  }
  const [mchId, serialNo, nonce, timestamp, signature] = [
    'mchid',
    'serial_no',
    'nonce_str',
    'timestamp',
    'signature',
  ].map((name) => fields.get(name))
  if (!mchId || !serialNo || !nonce || !timestamp || !signature) return undefined
  return { mchId, serialNo, nonce, timestamp, signature }
}

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  nonce: string
  associated_data?: string
}

const GCM_TAG_BYTES = 16

/** Decrypts a callback `resource` with the 32-byte APIv3 key; the ciphertext ends with the tag. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw new PaymentNotificationError(`unsupported resource algorithm ${resource.algorithm}`)
  }
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length <= GCM_TAG_BYTES)
    throw new PaymentNotificationError('resource ciphertext too short')
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    )
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8')
  } catch (error) {
    throw new PaymentNotificationError(
      'the callback resource does not decrypt with the APIv3 key',
      {
        cause: error,
      },
    )
  }
}

/** JSAPI paySign: SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export const jsapiPaySignMessage = (
  appId: string,
  timeStamp: string,
  nonceStr: string,
  prepayPackage: string,
): string => `${appId}\n${timeStamp}\n${nonceStr}\n${prepayPackage}\n`
