// The county this installation serves (issue 15): its code, name and public brand, from
// GET /api/county. Shared by the console, the H5 shop and the public pages; one request per load.
import { apiClient } from './api-client'
import type { PublicCounty } from './api-types'
import { useRequest } from './use-request'

let countyPromise: Promise<PublicCounty> | null = null

export function getCounty(): Promise<PublicCounty> {
  countyPromise ??= apiClient.get<PublicCounty>('/api/county').catch((error: unknown) => {
    countyPromise = null
    throw error
  })
  return countyPromise
}

/** Forget the county, after the operator renamed it or changed its brand. */
export function forgetCounty(): void {
  countyPromise = null
}

/** The county, undefined while it loads (or before setup). */
export function useCounty(): PublicCounty | undefined {
  return useRequest(() => getCounty(), 'county').data
}
