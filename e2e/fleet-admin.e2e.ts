import type { Locator, Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { apiAs, logIn, shanghaiDay } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { carrierId, waitForDraft, type Plan } from './support/logistics.js'

// Issue 15 (LOG-1, LOG-3, LOG-5): the operator registers a carrier with its waybill prefix, a
// vehicle and a driver in the console, and gives them a trip of a draft plan; the driver then
// sees the trip once the plan is published.

const STATION = '石岭村村级服务站'

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(option, { exact: true })
    .first()
    .click()
}

describe('the operator keeping the fleet', () => {
  const { browser, baseURL } = useBrowser()

  it(
    'adds a carrier with a waybill prefix, a vehicle and a driver, and assigns them to a planned trip',
    { timeout: 120_000 },
    async (test) => {
      const { expect } = test
      // A day no other journey plans or publishes.
      const serviceDate = shanghaiDay(5)
      const suffix = String(Date.now() % 100_000).padStart(5, '0')
      const [operator, hub] = await Promise.all([apiAs(baseURL, 'operator'), apiAs(baseURL, 'hub')])

      // A draft plan made before the new vehicle and driver exist, the way dispatch-moves does it.
      const waybills = [`FLT${suffix}1`, `FLT${suffix}2`]
      await operator.post('/api/logistics/parcels', {
        carrierId: await carrierId(operator, '邮政'),
        parcels: waybills.map((waybillNo) => ({
          waybillNo,
          recipientName: '合作社',
          recipientPhone: '13900001111',
          address: '五台县茹村乡石岭村',
          weightKg: 20,
        })),
      })
      for (const waybillNo of waybills)
        await hub.post('/api/logistics/scans', { waybillNo, type: 'received' })
      test.onTestFinished(async () => {
        for (const waybillNo of waybills)
          await hub.post('/api/logistics/scans', { waybillNo, type: 'returned' })
      })
      const started = await hub.post<Plan>('/api/logistics/plans', {
        serviceDate,
        timeLimitS: 0.5,
      })
      const plan = await waitForDraft(hub, started.id)
      const trip = plan.trips.find((t) => t.stops.some((s) => s.siteName === STATION))
      if (!trip) throw new Error(`no trip serves ${STATION}`)

      const { page } = await openPage(browser(), baseURL, test)
      await logIn(page, 'operator')
      await page.goto('/fleet')

      // A carrier with its waybill prefix.
      const carrierName = `极速快递${suffix}`
      const prefix = `J${suffix}`
      await page.getByRole('button', { name: '添加快递公司' }).click()
      let dialog = page.getByRole('dialog', { name: '添加快递公司' })
      await dialog.getByLabel('快递公司', { exact: true }).fill(carrierName)
      await dialog.getByLabel('运单号前缀', { exact: true }).fill(`${prefix},`)
      await dialog.getByLabel('联系电话', { exact: true }).fill('13800138000')
      await dialog.getByRole('button', { name: '保存' }).click()
      const carrierRow = page
        .getByTestId('carriers')
        .getByRole('row')
        .filter({ hasText: carrierName })
      await carrierRow.waitFor()
      expect(await carrierRow.innerText()).toContain(prefix)

      // A vehicle: the plate is checked as a Chinese plate before it is sent.
      await page.getByRole('tab', { name: '车辆管理' }).click()
      await page.getByRole('button', { name: '添加车辆' }).click()
      dialog = page.getByRole('dialog', { name: '添加车辆' })
      const plate = `晋H${suffix}`
      await dialog.getByLabel('车牌号', { exact: true }).fill('12345')
      await dialog.getByLabel('名称', { exact: true }).fill('新能源厢式车')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.getByText('请输入有效车牌号，如 晋H12345').waitFor()
      await dialog.getByLabel('车牌号', { exact: true }).fill(plate)
      await dialog.getByRole('button', { name: '保存' }).click()
      await page.getByTestId('vehicles').getByRole('row').filter({ hasText: plate }).waitFor()

      // A driver of the hub.
      await page.getByRole('tab', { name: '司机管理' }).click()
      await page.getByRole('button', { name: '添加司机' }).click()
      dialog = page.getByRole('dialog', { name: '添加司机' })
      const username = `driver${suffix}`
      const driverName = `周师傅${suffix}`
      await dialog.getByLabel('登录用户名', { exact: true }).fill(username)
      await dialog.getByLabel('姓名', { exact: true }).fill(driverName)
      await dialog.getByLabel('初始密码', { exact: true }).fill('Driver@2026')
      await dialog.getByLabel('手机号', { exact: true }).fill('13700137000')
      await pick(page, dialog, '准驾车型', 'C1')
      await dialog.getByRole('button', { name: '保存' }).click()
      await page.getByTestId('drivers').getByRole('row').filter({ hasText: driverName }).waitFor()

      // The trip of the draft gets the new vehicle and driver.
      await page.goto(`/dispatch?date=${serviceDate}&plan=${plan.id}`)
      const card = page.getByTestId('trip').filter({ hasText: STATION })
      await pick(page, card, '车辆', `${plate} · 新能源厢式车 · 1500 kg`)
      await card.getByText(plate).first().waitFor()
      await pick(page, card, '司机', driverName)
      await expect
        .poll(async () => {
          const now = await hub.get<{
            trips: { id: string; vehiclePlate: string; driverUserId: string | null }[]
          }>(`/api/logistics/plans/${plan.id}`)
          const assigned = now.trips.find((t) => t.id === trip.id)
          return [assigned?.vehiclePlate, assigned?.driverUserId !== null]
        })
        .toEqual([plate, true])
      await saveScreenshot(page, 'fleet-admin-assigned')

      // Published, the trip is on the new driver's phone page.
      await hub.post(`/api/logistics/plans/${plan.id}/publish`)
      const driver = await apiAs(baseURL, username, 'Driver@2026')
      const mine = await driver.get<{ id: string; vehiclePlate: string }[]>(
        `/api/logistics/trips/mine?date=${serviceDate}`,
      )
      expect(mine.map((t) => [t.id, t.vehiclePlate])).toEqual([[trip.id, plate]])
    },
  )
})
