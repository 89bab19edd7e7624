// Solves the server's proof-of-work challenge: a nonce for which SHA-256 of `${token}:${nonce}`
// starts with `difficulty` zero bits. About 2^difficulty hashes (65,536 at 16 bits: a second or
// two on a phone). @noble/hashes rather than Web Crypto, which browsers offer only to secure
// contexts (HTTPS, localhost): a demo served over plain HTTP must sign in too. Hashes run in
// batches between which the page gets the main thread back, so it stays responsive.

import { sha256 } from '@noble/hashes/sha2.js'

const BATCH = 2048

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function solveProofOfWork(token: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder()
  for (let start = 0; ; start += BATCH) {
    for (let n = start; n < start + BATCH; n++) {
      const nonce = String(n)
      if (leadingZeroBits(sha256(encoder.encode(`${token}:${nonce}`))) >= difficulty) return nonce
    }
    await nextTask()
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
