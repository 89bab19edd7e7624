import { aNetwork } from '../../test/factories.js'
import { buildTestApp, type Client, type TestApp } from '../../test/test-app.js'

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

/** The demo accounts of the logistics tests: the county, the hub and its driver, a carrier, a station. */
const LOGISTICS_CAST = ['admin', 'bureau', 'operator', 'carrier', 'hub', 'driver', 'station']

/**
 * An app with Wutai's network (divisions, hub, every township and village station, the carriers,
 * the hub's fleet) and the logistics cast, instead of the whole demo (issue 13, item 6).
 */
export async function logisticsApp(
  options: Omit<Parameters<typeof buildTestApp>[0] & object, 'demo' | 'accounts'> = {},
): Promise<TestApp> {
  const t = await buildTestApp({ ...options, demo: false, accounts: LOGISTICS_CAST })
  await aNetwork(t.db)
  return t
}
