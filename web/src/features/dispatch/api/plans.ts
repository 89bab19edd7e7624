import { apiClient } from '../../../lib/api-client'
import type { MoveStopBody, Plan } from '../../../lib/api-types'

export function startPlan(serviceDate: string, timeLimitS: number): Promise<Plan> {
  return apiClient.post<Plan>('/api/logistics/plans', { serviceDate, timeLimitS })
}

export function getPlan(id: string, signal?: AbortSignal): Promise<Plan> {
  return apiClient.get<Plan>(`/api/logistics/plans/${encodeURIComponent(id)}`, undefined, signal)
}

export function publishPlan(id: string): Promise<Plan> {
  return apiClient.post<Plan>(`/api/logistics/plans/${encodeURIComponent(id)}/publish`)
}

export async function setTripLocked(tripId: string, locked: boolean): Promise<void> {
  await apiClient.put(`/api/logistics/trips/${encodeURIComponent(tripId)}/lock`, { locked })
}

/** Moves a station to another trip (or place) of a draft; answers the plan with new ETAs. */
export function moveStop(planId: string, body: MoveStopBody): Promise<Plan> {
  return apiClient.post<Plan>(`/api/logistics/plans/${encodeURIComponent(planId)}/moves`, body)
}
