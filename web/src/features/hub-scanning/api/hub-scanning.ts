import { apiClient } from '../../../lib/api-client'
import type { ScanResult, ScanType } from '../../../lib/api-types'

/** The scans the hub takes (SCAN_STEPS with `at: 'hub'`); departure is the driver's. */
export const HUB_SCAN_TYPES = [
  'received',
  'sorted',
  'loaded',
  'returned',
] as const satisfies readonly ScanType[]
export type HubScanType = (typeof HUB_SCAN_TYPES)[number]

export function scanAtHub(waybillNo: string, type: HubScanType): Promise<ScanResult> {
  return apiClient.post<ScanResult>('/api/logistics/scans', { waybillNo, type })
}
