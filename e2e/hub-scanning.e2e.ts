import path from 'node:path'
import Database from 'better-sqlite3'
import type { Locator } from 'playwright-core'
import { describe, inject, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'

// Issue 15, points 4 and 5: a hub worker scans a burst of waybills on a 375 px handheld and sees
// each answer's colour and the running counts; the station master scans the arrival with the same
// scanner and hands the parcel over by the pickup code the recipient was texted.

/** The code the recipient was texted: only the database (and the recipient's phone) knows it. */
function pickupCodeOf(waybillNo: string): string {
  const db = new Database(path.join(inject('dataDir'), 'cuntong.sqlite'), {
    readonly: true,
    fileMustExist: true,
  })
  try {
    const row = db.prepare('select pickup_code from parcel where waybill_no = ?').get(waybillNo) as
      { pickup_code: string | null } | undefined
    if (!row?.pickup_code) throw new Error(`no pickup code for ${waybillNo}`)
    return row.pickup_code
  } finally {
    db.close()
  }
}

const LATEST_BACKGROUND =
  "getComputedStyle(document.querySelector('[data-testid=scan-latest]')).backgroundColor"

async function outcomesOf(items: Locator): Promise<(string | null)[]> {
  const outcomes: (string | null)[] = []
  for (let i = 0; i < (await items.count()); i++)
    outcomes.push(await items.nth(i).getAttribute('data-outcome'))
  return outcomes
}

describe('hub scanning on a handheld, pickup by code at the station', () => {
  const { browser, baseURL } = useBrowser()

  it('scans a fast burst with ok / unknown / repeat / refused answers, then the station hands over by code', async (test) => {
    const { expect } = test
    const stamp = Date.now().toString(36).toUpperCase()
    const [first, second] = [`HS${stamp}A`, `HS${stamp}B`]
    const operator = await apiAs(baseURL, 'operator')
    const carriers = await operator.get<{ items: { id: string; name: string }[] }>(
      '/api/organizations?type=carrier&pageSize=50',
    )
    await operator.post('/api/logistics/parcels', {
      carrierId: carriers.items.find((carrier) => carrier.name.includes('邮政'))?.id,
      parcels: [first, second].map((waybillNo, i) => ({
        waybillNo,
        recipientName: '赵六',
        recipientPhone: `1391111${String(2460 + i)}`,
        address: '五台县台城镇台城村',
        villageCode: '140922100201', // 台城村: the demo station master's village
        weightKg: 1,
      })),
    })

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await logIn(page, 'hub')
    await page.goto('/hub-scanning')
    const input = page.getByLabel('扫描或输入运单号')
    await input.waitFor()
    // A scanner gun: each waybill typed and Enter at once, without waiting for the answers.
    for (const code of [first, second, `NO${stamp}`, first]) {
      await input.pressSequentially(code, { delay: 5 })
      await input.press('Enter')
    }
    expect(await input.inputValue()).toBe('')
    expect(
      await page.evaluate<boolean>(
        "document.activeElement?.getAttribute('aria-label') === '扫描或输入运单号'",
      ),
    ).toBe(true)
    const count = (outcome: string) => page.getByTestId(`scan-count-${outcome}`)
    await count('ok').getByText('2', { exact: true }).waitFor()
    await count('unknown').getByText('1', { exact: true }).waitFor()
    await count('duplicate').getByText('1', { exact: true }).waitFor()
    const latest = page.getByTestId('scan-latest')
    expect(await latest.getAttribute('data-outcome')).toBe('duplicate')
    expect(await page.evaluate<string>(LATEST_BACKGROUND)).toBe('rgb(230, 244, 255)')
    const recent = page.locator('.ant-list-item[data-outcome]')
    expect(await outcomesOf(recent)).toEqual(['duplicate', 'unknown', 'ok', 'ok'])
    await recent
      .filter({ hasText: `NO${stamp}` })
      .getByText('运单不存在')
      .waitFor()

    // Loading a parcel that was never sorted: the API's refusal, in red, with its reason.
    await page.getByText('装车', { exact: true }).click()
    await input.pressSequentially(second, { delay: 5 })
    await input.press('Enter')
    await count('refused').getByText('1', { exact: true }).waitFor()
    expect(await latest.getAttribute('data-outcome')).toBe('refused')
    expect(await page.evaluate<string>(LATEST_BACKGROUND)).toBe('rgb(255, 241, 240)')
    await saveScreenshot(page, 'hub-scanning-phone')
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )

    const parcels = await operator.get<{ items: { waybillNo: string; status: string }[] }>(
      `/api/logistics/parcels?q=${first}`,
    )
    expect(parcels.items.find((p) => p.waybillNo === first)?.status).toBe('received')
    for (const type of ['sorted', 'loaded', 'departed'])
      await operator.post('/api/logistics/scans', { waybillNo: first, type })

    // The station master: the same scanner for the arrival, then the pickup code.
    const station = await openPage(browser(), baseURL, test, PHONE)
    await logIn(station.page, 'station')
    await station.page.getByRole('heading', { name: '台城村村级服务站' }).waitFor()
    const arrival = station.page.getByLabel('扫描或输入到站运单号')
    await arrival.pressSequentially(first.toLowerCase(), { delay: 5 })
    await arrival.press('Enter')
    const stationCount = (outcome: string) => station.page.getByTestId(`scan-count-${outcome}`)
    await stationCount('ok').getByText('1', { exact: true }).waitFor()

    const code = pickupCodeOf(first)
    await station.page.getByText('取件码取件', { exact: true }).click()
    const codeInput = station.page.getByLabel('扫描或输入取件码')
    const wrong = code === '000000' ? '000001' : '000000'
    await codeInput.pressSequentially(wrong, { delay: 5 })
    await codeInput.press('Enter')
    await stationCount('refused').getByText('1', { exact: true }).waitFor()
    await station.page.getByTestId('scan-latest').getByText('取件码不正确').waitFor()
    await codeInput.pressSequentially(code, { delay: 5 })
    await codeInput.press('Enter')
    await stationCount('ok').getByText('1', { exact: true }).waitFor()
    await station.page.getByTestId('scan-latest').getByText(`${first} 已取件`).waitFor()
    const after = await operator.get<{ items: { waybillNo: string; status: string }[] }>(
      `/api/logistics/parcels?q=${first}`,
    )
    expect(after.items.find((p) => p.waybillNo === first)?.status).toBe('picked_up')
    expect(
      await station.page.evaluate<number>('document.documentElement.scrollWidth'),
    ).toBeLessThanOrEqual(375)
  })
})
