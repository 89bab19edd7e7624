// Solves the server's proof-of-work challenge with Web Crypto: a nonce for which SHA-256 of
// `${token}:${nonce}` starts with `difficulty` zero bits. About 2^difficulty hashes (65,536 at
// 16 bits: a second or two on a phone). Hashes run in batches, so the page stays responsive.
// Without Web Crypto (a page over plain HTTP) the TypeScript SHA-256 does the same, slower.

import { sha256 } from './sha256'

const BATCH = 256

// Browsers offer crypto.subtle only to secure contexts (HTTPS, localhost).
const digest = async (data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
  globalThis.isSecureContext
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', data))
    : sha256(data)

export async function solveProofOfWork(token: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder()
  for (let start = 0; ; start += BATCH) {
    const nonces = Array.from({ length: BATCH }, (_, i) => String(start + i))
    const hashes = await Promise.all(
      nonces.map((nonce) => digest(encoder.encode(`${token}:${nonce}`))),
    )
    const found = hashes.findIndex((hash) => leadingZeroBits(hash) >= difficulty)
    const nonce = nonces[found]
    if (nonce !== undefined) return nonce
  }
}

function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0
  for (const byte of hash) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24
    bits += 8
  }
  return bits
}
