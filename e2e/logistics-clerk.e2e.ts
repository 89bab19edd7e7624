import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('a logistics clerk', () => {
  const { browser, baseURL } = useBrowser()

  it(
    "imports a manifest with a bad row, then plans and publishes the day's trips",
    { timeout: 90_000 },
    async (test) => {
      const { expect } = test
      const { page } = await openPage(browser(), baseURL, test)
      const suffix = Date.now().toString(36).toUpperCase()
      const waybills = [`E2E${suffix}A`, `E2E${suffix}B`]
      const csv = [
        '运单号,收件人,收件人电话,收件地址,村代码,重量(kg)',
        `${waybills[0]},张三,13912345678,山西省忻州市五台县豆村镇佛光村,,1.5`,
        `${waybills[1]},李四,13912345679,五台县台城镇台城村1号,,2`,
        'BAD,王五,13912345670,五台县台城镇台城村,,1', // a waybill number too short
      ].join('\n')
      await logIn(page, 'operator')

      // The operator works county-wide, so it names the carrier the file comes from.
      await page.getByRole('menuitem', { name: '运单导入' }).click()
      await pickOption(page, '快递公司', '中国邮政五台县分公司')
      await page.locator('input[type=file]').setInputFiles({
        name: 'manifest.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      })
      const result = page.getByTestId('import-result')
      await result.waitFor()
      const counts = async (label: string) =>
        (await result.locator('.ant-statistic').filter({ hasText: label }).innerText())
          .replace(label, '')
          .trim()
      expect(await counts('已导入')).toBe('2')
      expect(await counts('失败')).toBe('1')
      expect(await counts('总行数')).toBe('3')
      const errorRow = result.locator('.ant-table-tbody tr').filter({ hasText: '格式不正确' })
      expect((await errorRow.innerText()).replace(/\s+/g, ' ')).toBe('4 运单号 格式不正确')
      await saveScreenshot(page, 'manifest-import')

      // The hub receives both parcels (over the API: the scanner is not what this test is about).
      const hub = await apiAs(baseURL, 'hub')
      for (const waybillNo of waybills) {
        await hub.post('/api/logistics/scans', { waybillNo, type: 'received' })
      }

      await page.getByRole('menuitem', { name: '配送调度' }).click()
      await page.getByLabel('规划时长（秒）').fill('0.5')
      await page.getByRole('button', { name: '开始规划' }).click()
      const status = page.getByTestId('plan-status')
      await status.filter({ hasText: '草稿' }).waitFor({ timeout: 30_000 })
      const parcels = Number(
        (await page.locator('.ant-statistic').filter({ hasText: '包裹' }).first().innerText())
          .replace('包裹', '')
          .trim(),
      )
      expect(parcels).toBeGreaterThanOrEqual(2)
      expect(await page.getByTestId('trip').count()).toBeGreaterThan(0)
      await page.getByText('佛光村村级服务站').first().waitFor()
      await page.getByText('校验通过').waitFor()
      await saveScreenshot(page, 'dispatch-draft')
      const moveButtons = page.getByRole('button', { name: /^调整 / })
      expect(await moveButtons.count()).toBeGreaterThan(0)

      // Publishing asks first.
      await page.getByRole('button', { name: '发布计划' }).click()
      const confirm = page.getByRole('dialog').filter({ hasText: '确定发布' })
      await confirm.getByRole('button', { name: '发布计划' }).click()
      await status.filter({ hasText: '已发布' }).waitFor()
      expect(await page.getByRole('button', { name: '发布计划' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: '锁定' }).count()).toBe(0)
      expect(await moveButtons.count()).toBe(0) // a published plan's stops stay where they are
    },
  )
})
