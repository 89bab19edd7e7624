import { createHash } from 'node:crypto'

// Scripts sign villagers in through the API like the H5 page does: every journey comes from
// 127.0.0.1, so after a few codes the server wants its proof-of-work challenge solved first.

/** Asks for a sign-in code (solving the challenge when one is due); the local SMS stand-in hands it back. */
export async function fetchLoginCode(baseURL: string, phone: string): Promise<string> {
  const ask = (body: object) =>
    fetch(`${baseURL}/api/commerce/shop/auth/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  let response = await ask({ phone })
  if (response.status === 403) {
    const challenge = (await (
      await fetch(`${baseURL}/api/commerce/shop/auth/challenge`)
    ).json()) as { token: string; difficulty: number }
    response = await ask({ phone, challenge: { token: challenge.token, nonce: solve(challenge) } })
  }
  if (!response.ok) throw new Error(`sign-in code: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { localCode: string }).localCode
}

function solve({ token, difficulty }: { token: string; difficulty: number }): string {
  for (let nonce = 0; ; nonce++) {
    const hash = createHash('sha256').update(`${token}:${nonce}`).digest()
    let bits = 0
    for (const byte of hash) {
      if (byte !== 0) {
        bits += Math.clz32(byte) - 24
        break
      }
      bits += 8
    }
    if (bits >= difficulty) return String(nonce)
  }
}
