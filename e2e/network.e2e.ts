import { describe, it } from 'vitest'
import { apiAs, logIn, shanghaiDay } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('the logistics network and the carrier statements', () => {
  const { browser, baseURL } = useBrowser()

  it(
    'shows the map and the sites, edits a station’s hours and reads a carrier’s month',
    { timeout: 90_000 },
    async (test) => {
      const { expect } = test
      const { page } = await openPage(browser(), baseURL, test)
      await logIn(page, 'operator')

      await page.getByRole('menuitem', { name: '物流网点' }).click()
      await page.getByRole('img', { name: '五台县物流网点分布图' }).locator('canvas').waitFor()
      const rows = page.locator('.ant-table-tbody tr.ant-table-row')
      await rows.first().waitFor()
      expect(await rows.count()).toBeGreaterThan(1)
      // The demo's 305 sites, plus any network-admin.e2e has created meanwhile on the same server.
      await page.getByText(/^共 3\d\d 条$/).waitFor()
      await saveScreenshot(page, 'network-page')

      await page.getByLabel('搜索').fill('佛光')
      await page.getByLabel('搜索').press('Enter')
      await page.getByText('共 1 条').waitFor()
      const station = rows.filter({ hasText: '佛光村村级服务站' })
      expect(await rows.count()).toBe(1)
      await station.getByRole('button', { name: '查看' }).click()
      const details = page.getByTestId('site-details')
      await details.getByTestId('site-code').getByText('140922103208').waitFor()
      expect(await details.getByText('位置待核实').count()).toBe(1)

      // A value no run has set before, so an unsaved edit cannot pass for a saved one.
      const hours = `07:${String(10 + (Date.now() % 50)).padStart(2, '0')}-19:30`
      await details.getByRole('button', { name: '编辑' }).click()
      const dialog = page.getByRole('dialog', { name: '编辑网点' })
      await dialog.getByLabel('营业时间').fill(hours)
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      expect(await details.getByTestId('site-opening-hours').innerText()).toBe(hours)
      // Saved on the server, not only on screen: the list is read again after a reload.
      await page.reload()
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor()
      await rows
        .filter({ hasText: '佛光村村级服务站' })
        .getByRole('button', { name: '查看' })
        .click()
      await details.getByTestId('site-opening-hours').getByText(hours, { exact: true }).waitFor()

      // Other test files add parcels meanwhile, so the count is checked between two API reads.
      const operator = await apiAs(baseURL, 'operator')
      const carriers = await operator.get<{ id: string; name: string }[]>('/api/logistics/carriers')
      const postId = carriers.find((carrier) => carrier.name === '中国邮政五台县分公司')?.id
      const month = shanghaiDay().slice(0, 7)
      const parcelsNow = async () =>
        (
          await operator.get<{ parcels: number }>(
            `/api/logistics/statements?carrierId=${postId}&month=${month}`,
          )
        ).parcels
      const before = await parcelsNow()
      expect(before).toBeGreaterThan(0)

      await page.getByRole('menuitem', { name: '对账结算' }).click()
      await page.getByLabel('快递公司').click()
      await page
        .locator('.ant-select-dropdown:visible')
        .getByText('中国邮政五台县分公司', { exact: true })
        .click()
      await page.getByLabel('月份').click()
      await page.locator(`.ant-picker-dropdown:visible td[title="${month}"]`).click()
      expect(await page.getByLabel('月份').inputValue()).toBe(month)
      const statement = page.getByTestId('statement')
      await statement.getByText(`中国邮政五台县分公司 · ${month}`).waitFor()
      const shown = Number(
        (
          await statement
            .getByTestId('statement-parcels')
            .locator('.ant-statistic-content-value')
            .innerText()
        ).replace(/,/g, ''),
      )
      expect(shown).toBeGreaterThanOrEqual(before)
      expect(shown).toBeLessThanOrEqual(await parcelsNow())
    },
  )
})
