import type { Client } from '../../test/test-app.js'

/** Polls a dispatch plan until the planner has finished with it (tests only). */
export async function waitForPlan<T extends { status: string }>(
  client: Client,
  id: string,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const plan = (
      await client.request({ method: 'GET', url: `/api/logistics/plans/${id}` })
    ).json<T>()
    if (plan.status !== 'planning') return plan
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`plan ${id} did not finish`)
}

/** Scans each waybill as received at the hub, which puts it on the next plan (tests only). */
export async function receiveAtHub(hub: Client, waybillNos: readonly string[]): Promise<void> {
  for (const waybillNo of waybillNos) {
    await hub.request({
      method: 'POST',
      url: '/api/logistics/scans',
      payload: { waybillNo, type: 'received' },
    })
  }
}

/** Plans a day and waits for the planner to finish (tests only). */
export async function planDay<T extends { id: string; status: string }>(
  hub: Client,
  serviceDate: string,
  timeLimitS: number,
): Promise<T> {
  const started = await hub.request({
    method: 'POST',
    url: '/api/logistics/plans',
    payload: { serviceDate, timeLimitS },
  })
  return waitForPlan<T>(hub, started.json<T>().id)
}
