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
