// Matches a parcel's free-text address to a village (LOG-2): carriers' manifests rarely carry
// village codes. A match must be unambiguous; anything else waits for a clerk.

export interface VillageName {
  code: string
  /** e.g. 佛光村 */
  shortName: string
  townshipCode: string
  /** e.g. 豆村镇 */
  townshipName: string
}

export type AddressMatch =
  | { kind: 'matched'; villageCode: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' }

/** Builds a matcher over the county's villages; the returned function is pure. */
export function createAddressMatcher(
  villages: readonly VillageName[],
): (address: string) => AddressMatch {
  const townships = [...new Map(villages.map((v) => [v.townshipCode, v.townshipName])).entries()]
  return (address) => {
    const text = address.replace(/\s+/g, '')
    const townshipCodes = new Set(
      townships.filter(([, name]) => text.includes(name)).map(([code]) => code),
    )
    const inTownship =
      townshipCodes.size > 0 ? villages.filter((v) => townshipCodes.has(v.townshipCode)) : villages
    const found = inTownship.filter((v) => text.includes(v.shortName))
    if (found.length === 0) return { kind: 'none' }
    // 东庄村 inside 西东庄村: the longest name that matches is the one meant.
    const longest = Math.max(...found.map((v) => v.shortName.length))
    const best = found.filter((v) => v.shortName.length === longest)
    return best.length === 1 && best[0]
      ? { kind: 'matched', villageCode: best[0].code }
      : { kind: 'ambiguous', candidates: best.map((v) => v.code) }
  }
}
