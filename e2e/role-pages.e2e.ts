import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { logIn, sideMenu } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'
import { ACCOUNTS, MENU, PATH } from './support/menus.js'

// Issue 12: every page a role's menu offers must open for that role — no request refused
// (403) or missing (404) behind the scenes, no 页面不存在 or 无权访问 on screen — and show only
// what the role may read.

interface Seen {
  refused: string[]
  paths: Set<string>
  /** JSON answers of the requests whose scope this test checks, by path. */
  answers: Map<string, unknown[]>
  inFlight: number
}

const CHECKED = [
  '/api/logistics/parcels',
  '/api/logistics/reports/flow',
  '/api/logistics/promise',
  '/api/logistics/carriers',
]

function watch(page: Page): Seen {
  const seen: Seen = { refused: [], paths: new Set(), answers: new Map(), inFlight: 0 }
  page.on('request', () => (seen.inFlight += 1))
  page.on('requestfailed', () => (seen.inFlight -= 1))
  page.on('requestfinished', () => (seen.inFlight -= 1))
  page.on('response', async (response) => {
    const url = new URL(response.url())
    if (!url.pathname.startsWith('/api/')) return
    seen.paths.add(url.pathname)
    if (response.status() === 403 || response.status() === 404)
      seen.refused.push(`${response.status()} ${response.request().method()} ${url.pathname}`)
    if (response.ok() && CHECKED.includes(url.pathname)) {
      const json: unknown = await response.json().catch(() => null)
      seen.answers.set(url.pathname, [...(seen.answers.get(url.pathname) ?? []), json])
    }
  })
  return seen
}

/** Waits until the page has asked for nothing for a while: its code and its data have come. */
async function settle(page: Page, seen: Seen): Promise<void> {
  for (let quiet = 0, waited = 0; quiet < 4 && waited < 15_000; waited += 150) {
    await page.waitForTimeout(150)
    quiet = seen.inFlight <= 0 ? quiet + 1 : 0
  }
}

const itemsOf = (answers: unknown[] | undefined) =>
  (answers ?? []).flatMap((answer) => (answer as { items?: unknown[] } | null)?.items ?? [])

describe.concurrent('every page of every role’s menu', () => {
  const { browser, baseURL } = useBrowser()

  it.for(ACCOUNTS)(
    'opens each of %s’s pages without a refusal or a missing page',
    { timeout: 240_000 },
    async ([username, menu], test) => {
      const { expect } = test
      const { page } = await openPage(browser(), baseURL, test)
      const seen = watch(page)
      await logIn(page, username)
      for (const key of menu) {
        await sideMenu(page).getByRole('menuitem', { name: MENU[key], exact: true }).click()
        await page.waitForURL((url) => url.pathname === PATH[key])
        await settle(page, seen)
        for (const problem of ['页面不存在', '无权访问', '加载失败']) {
          expect(await page.getByText(problem, { exact: true }).count(), `${key}: ${problem}`).toBe(
            0,
          )
        }
      }
      expect(seen.refused).toEqual([])

      // Money between the county and a carrier is for the carrier and the county only.
      if (username === 'driver' || username === 'station') {
        expect([...seen.paths].filter((path) => /statements|fee-rule/.test(path))).toEqual([])
      }
      if (username === 'station') {
        const parcels = itemsOf(seen.answers.get('/api/logistics/parcels'))
        expect(parcels.length).toBeGreaterThan(0)
        for (const parcel of parcels)
          expect(parcel).toMatchObject({ destinationName: '台城村村级服务站' })
        // Its 时效与报表 counts the parcels bound for it, not zeros.
        const flow = (seen.answers.get('/api/logistics/reports/flow') ?? []).flat() as {
          received: number
        }[]
        expect(flow.reduce((sum, row) => sum + row.received, 0)).toBeGreaterThan(0)
        expect((seen.answers.get('/api/logistics/promise') ?? []).flat()).not.toEqual([])
      }
      if (username === 'carrier') {
        const parcels = itemsOf(seen.answers.get('/api/logistics/parcels'))
        expect(parcels.length).toBeGreaterThan(0)
        for (const parcel of parcels)
          expect(parcel).toMatchObject({ carrierName: '中国邮政五台县分公司' })
        for (const carriers of seen.answers.get('/api/logistics/carriers') ?? [])
          expect(carriers).toEqual([expect.objectContaining({ name: '中国邮政五台县分公司' })])
      }
      if (['hub', 'driver', 'station'].includes(username)) {
        // 包裹管理's carrier filter has every alliance member to choose from.
        await page.goto('/parcels')
        await page.getByLabel('按快递公司筛选').click()
        await page.locator('.ant-select-dropdown').getByText('中通快递五台网点').waitFor()
      }
    },
  )
})
