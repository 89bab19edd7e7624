// A parcel's status is derived from its scans (LOG-5): each physical step is a scan, and a scan
// is accepted only from the statuses where that step can physically happen.

export const PARCEL_STATUSES = [
  'announced',
  'received',
  'sorted',
  'loaded',
  'in_transit',
  'at_station',
  'picked_up',
  'returned',
] as const
export type ParcelStatus = (typeof PARCEL_STATUSES)[number]

export const SCAN_TYPES = [
  'received',
  'sorted',
  'loaded',
  'departed',
  'arrived',
  'picked_up',
  'returned',
] as const
export type ScanType = (typeof SCAN_TYPES)[number]

interface Step {
  from: readonly ParcelStatus[]
  to: ParcelStatus
  /** Where the scan happens: at the county hub or at the destination station. */
  at: 'hub' | 'station' | 'vehicle'
  zh: string
}

export const SCAN_STEPS: Record<ScanType, Step> = {
  received: { from: ['announced'], to: 'received', at: 'hub', zh: '物流中心已收件' },
  sorted: { from: ['received'], to: 'sorted', at: 'hub', zh: '已分拣' },
  loaded: { from: ['sorted'], to: 'loaded', at: 'hub', zh: '已装车' },
  departed: { from: ['loaded'], to: 'in_transit', at: 'vehicle', zh: '已发车' },
  arrived: { from: ['in_transit'], to: 'at_station', at: 'station', zh: '已到达村级服务站' },
  picked_up: { from: ['at_station'], to: 'picked_up', at: 'station', zh: '收件人已取件' },
  returned: { from: ['received', 'sorted', 'at_station'], to: 'returned', at: 'hub', zh: '已退回' },
}

/** The status after the scan, or null when the scan cannot follow the current status. */
export function statusAfterScan(current: ParcelStatus, scan: ScanType): ParcelStatus | null {
  const step = SCAN_STEPS[scan]
  return step.from.includes(current) ? step.to : null
}

/** Replays a trail of scans from `announced`; returns the status, or the index of the first impossible scan. */
export function replayScans(
  scans: readonly ScanType[],
): { status: ParcelStatus } | { invalidAt: number } {
  let status: ParcelStatus = 'announced'
  for (const [index, scan] of scans.entries()) {
    const next = statusAfterScan(status, scan)
    if (next === null) return { invalidAt: index }
    status = next
  }
  return { status }
}
