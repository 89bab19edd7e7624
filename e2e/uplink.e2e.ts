import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption, shanghaiDay } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'
import { planAndPublish } from './support/logistics.js'

describe('farm products going up to the county (LOG-8)', () => {
  const { browser, baseURL } = useBrowser()

  it(
    'a station master registers a pickup; the hub receives it and hands it to the chosen carrier',
    { timeout: 90_000 },
    async (test) => {
      const { expect } = test
      const suffix = Date.now().toString(36).toUpperCase()
      const product = `黄小米${suffix.slice(-5)}`
      const carrierWaybillNo = `sf${suffix}` // typed in lower case; stored as the carrier prints it

      const station = await openPage(browser(), baseURL, test, PHONE)
      await logIn(station.page, 'station')
      await station.page.getByRole('tab', { name: '农产品揽收' }).click()
      await station.page.getByLabel('寄件人', { exact: true }).fill('韩大娘')
      await station.page.getByLabel('寄件人电话').fill('13933334444')
      await station.page.getByLabel('品名').fill(product)
      await station.page.getByLabel('件数').fill('4')
      await station.page.getByLabel('重量(kg)').fill('20')
      await station.page.getByLabel('寄往地址').fill('北京市朝阳区')
      await station.page.getByRole('button', { name: '登记揽收' }).click()
      const registered = station.page.locator('.ant-list-item').filter({ hasText: product })
      await registered.waitFor()

      // The next published plan sends a trip past the station to collect it. Two days ahead:
      // today and tomorrow are published by the clerk's and the driver's journeys.
      const hub = await apiAs(baseURL, 'hub')
      await planAndPublish(hub, shanghaiDay(2))
      const carriers = await hub.get<{ id: string; name: string }[]>('/api/logistics/carriers')
      const carrier = carriers.find((candidate) => candidate.name.includes('顺丰'))
      if (!carrier) throw new Error('the demo alliance has no SF Express')

      const { page } = await openPage(browser(), baseURL, test)
      await logIn(page, 'hub')
      await page.getByRole('menuitem', { name: '农产品上行' }).click()
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: product })
      await row.getByText('已排车').waitFor()
      expect(await row.innerText()).toContain('台城村村级服务站')

      await row.getByRole('button', { name: '入库' }).click()
      await row.getByText('已到物流中心').waitFor()
      expect(await row.getByRole('button', { name: '入库' }).count()).toBe(0)

      await row.getByRole('button', { name: '交快递' }).click()
      const dialog = page.getByRole('dialog', { name: `交给快递公司：${product}` })
      await pickOption(page, '快递公司', carrier.name)
      await dialog.getByLabel('快递运单号').fill(carrierWaybillNo)
      await dialog.getByRole('button', { name: '交快递' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await row.getByText(carrierWaybillNo.toUpperCase()).waitFor()
      expect(await row.innerText()).toContain('已交快递')
      expect(await row.getByRole('button').count()).toBe(0) // nothing more to do at the hub
      await saveScreenshot(page, 'uplink-handed-over')

      // The station master sees where the villager's products went.
      await station.page.reload()
      await station.page.getByRole('tab', { name: '农产品揽收' }).click()
      await registered.getByText('已交快递').waitFor()
    },
  )
})
