import { isIP } from 'node:net'

/**
 * Which proxies may tell us the client's address (X-Forwarded-For), in a form Fastify's
 * `trustProxy` takes: `false` (the socket's address; the default), a hop count, or addresses
 * and CIDR ranges. Trusting every proxy would let any client pick its own address and so slip
 * past the per-address limits.
 */
export type TrustProxy = false | number | string[]

/** TRUST_PROXY: unset, empty or `off` → false; `1` → one hop; `10.0.0.1,10.1.0.0/16` → those proxies. */
export function readTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  const text = (value ?? '').trim()
  if (text === '' || text === 'off') return false
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops >= 1 && hops <= 10) return hops
    problems.push(`TRUST_PROXY hop count must be from 1 to 10, got "${text}"`)
    return false
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const bad = entries.filter((entry) => !isAddressOrRange(entry))
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be off, a hop count or a comma list of proxy addresses/CIDRs; "${bad.join('", "')}" is none of these`,
    )
    return false
  }
  return entries
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, extra] = entry.split('/')
  const version = isIP(address)
  if (version === 0 || extra !== undefined) return false
  if (bits === undefined) return true
  const prefix = Number(bits)
  return /^\d+$/.test(bits) && prefix <= (version === 4 ? 32 : 128)
}

/**
 * Fastify's `trustProxy` for a TrustProxy. Fastify reads a bare hop count as "trust nothing"
 * (a client reaching the app directly could spoof enough hops), so a count becomes the function
 * proxy-addr calls for each hop: the operator who sets a count vouches that only the proxies
 * reach the app.
 */
export function toFastifyTrustProxy(
  trustProxy: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy
  return (_address, hop) => hop < trustProxy
}
