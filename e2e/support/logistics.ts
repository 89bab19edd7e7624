import type { ApiSession } from './app.js'

// Set-up steps of the logistics journeys, over HTTP: parcels, plans. The browser is kept for what
// each test is about.

export interface PlanStop {
  siteId: string
  siteName: string
  eta: string
  deliveryKg: number
  pickupKg: number
}

export interface PlanTrip {
  id: string
  vehicleId: string
  vehiclePlate: string
  departureAt: string
  returnAt: string
  distanceKm: number
  locked: boolean
  stops: PlanStop[]
}

export interface Plan {
  id: string
  status: string
  trips: PlanTrip[]
}

/** The alliance member carrier whose name contains `name` (e.g. 邮政). */
export async function carrierId(session: ApiSession, name: string): Promise<string> {
  const carriers = await session.get<{ id: string; name: string }[]>('/api/logistics/carriers')
  const carrier = carriers.find((candidate) => candidate.name.includes(name))
  if (!carrier) throw new Error(`no carrier named like ${name}`)
  return carrier.id
}

/** Polls a plan until the planner has finished with it; anything but a draft fails the test. */
export async function waitForDraft(hub: ApiSession, planId: string): Promise<Plan> {
  let plan = await hub.get<Plan>(`/api/logistics/plans/${planId}`)
  for (let waited = 0; plan.status === 'planning' && waited < 30_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    plan = await hub.get<Plan>(`/api/logistics/plans/${planId}`)
  }
  if (plan.status !== 'draft') throw new Error(`the plan ended ${plan.status}`)
  return plan
}

/**
 * Plans a day and publishes it. A day has one published plan, so each journey that publishes
 * uses a day no other journey publishes.
 */
export async function planAndPublish(hub: ApiSession, serviceDate: string): Promise<Plan> {
  const started = await hub.post<Plan>('/api/logistics/plans', { serviceDate, timeLimitS: 0.5 })
  await waitForDraft(hub, started.id)
  return hub.post<Plan>(`/api/logistics/plans/${started.id}/publish`)
}

/** HH:MM in Asia/Shanghai, as the console shows ETAs. */
export function shanghaiClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16)
}
