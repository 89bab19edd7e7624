// The API has no public list of bulk-buy campaigns (GET /bulk-buys needs promotions:manage), so
// the 团购 list shows the campaigns this phone has opened through their links.
const SEEN_KEY = 'h5.bulkBuys.seen'

export function seenBulkBuys(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]')
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

export function rememberBulkBuy(id: string): void {
  const seen = seenBulkBuys().filter((known) => known !== id)
  localStorage.setItem(SEEN_KEY, JSON.stringify([id, ...seen].slice(0, 20)))
}
