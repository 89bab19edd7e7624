import ExcelJS from 'exceljs'
import { describe, it } from 'vitest'
import { logIn, pickOption } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

// LOG-1 (issue 15): the operator builds the network in the console — a hub, a station with typed
// coordinates, one placed on the map — closes and reopens a station, and exports the list.
// Both are township stations: every demo village already has its (one open) station.

describe('managing the network in the console', () => {
  const { browser, baseURL } = useBrowser()

  it(
    'creates a hub (refused while the county has one open) and two stations, closes and reopens one, exports',
    { timeout: 120_000 },
    async (test) => {
      const { expect } = test
      const suffix = Date.now().toString(36).toUpperCase()
      const typed = { code: `E2E-T-${suffix}`, name: `东冶镇测试物流站${suffix}` }
      const placed = { code: `E2E-M-${suffix}`, name: `豆村镇测试乡镇站${suffix}` }
      const { page } = await openPage(browser(), baseURL, test)
      await logIn(page, 'operator')
      await page.getByRole('menuitem', { name: '物流网点' }).click()
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor()

      // The hub: the demo county already runs one, so a second is refused with the reason, on
      // the kind field; the API test closes the first and creates the new one.
      await page.getByRole('button', { name: '新建网点' }).click()
      const dialog = page.getByRole('dialog', { name: '新建网点' })
      await dialog.getByLabel('站点编码').fill(`E2E-H-${suffix}`)
      await pickOption(page, '类型', '县级物流中心')
      await dialog.getByLabel('网点名称').fill(`测试物流中心${suffix}`)
      await dialog.getByLabel('营业时间').fill('06:00-22:00')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.getByText(/本县已有运营中的物流中心/).waitFor()
      await dialog.getByRole('button', { name: '取消' }).click()
      await dialog.waitFor({ state: 'hidden' })

      // A township station with typed coordinates, its township picked in the cascader.
      await page.getByRole('button', { name: '新建网点' }).click()
      await dialog.getByLabel('站点编码').fill(typed.code)
      await pickOption(page, '类型', '乡镇服务站')
      await dialog.getByLabel('网点名称').fill(typed.name)
      await dialog.getByLabel('所在区划').click()
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: /^东冶镇$/ })
        .click()
      await page.keyboard.press('Escape')
      await dialog.getByLabel('纬度').fill('38.61234')
      await dialog.getByLabel('经度').fill('113.35678')
      await dialog.getByLabel('站长姓名').fill('吴站长')
      await dialog.getByLabel('站长电话').fill('13800007777')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      const details = page.getByTestId('site-details')
      await details.getByTestId('site-code').getByText(typed.code).waitFor()
      await details.getByText('38.61234, 113.35678').waitFor()

      // A township station placed by clicking the map.
      await page.getByRole('button', { name: '新建网点' }).click()
      await dialog.getByLabel('站点编码').fill(placed.code)
      await pickOption(page, '类型', '乡镇服务站')
      await dialog.getByLabel('网点名称').fill(placed.name)
      await dialog.getByLabel('所在区划').click()
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: /^豆村镇$/ })
        .click()
      await page.keyboard.press('Escape')
      const map = dialog.getByTestId('location-picker').locator('canvas')
      await map.waitFor()
      const box = await map.boundingBox()
      if (!box) throw new Error('the map has no size')
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      const lat = Number(await dialog.getByLabel('纬度').inputValue())
      const lon = Number(await dialog.getByLabel('经度').inputValue())
      // The middle of the county's outline.
      expect(lat).toBeGreaterThan(38.4)
      expect(lat).toBeLessThan(39.2)
      expect(lon).toBeGreaterThan(112.9)
      expect(lon).toBeLessThan(113.8)
      await saveScreenshot(page, 'network-admin-map-pick')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await details.getByTestId('site-code').getByText(placed.code).waitFor()

      // Close it (after confirming), then reopen it.
      await details.getByRole('button', { name: '关闭网点' }).click()
      await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click()
      await details.getByText('已关闭').waitFor()
      await page.getByLabel('搜索').fill(placed.code)
      await page.getByLabel('搜索').press('Enter')
      await page
        .locator('.ant-table-tbody tr.ant-table-row')
        .filter({ hasText: placed.name })
        .getByText('已关闭')
        .waitFor()
      await details.getByRole('button', { name: '重新开放' }).click()
      await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click()
      await details.getByText('运营中').waitFor()
      await saveScreenshot(page, 'network-admin')

      // Export what the list shows (searched by the code prefix of this run).
      await page.getByLabel('搜索').fill('E2E-')
      await page.getByLabel('搜索').press('Enter')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /导出 Excel/ }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(await download.path())
      const codes: string[] = []
      workbook.worksheets[0]?.eachRow((row) => codes.push(row.getCell(1).text))
      expect(codes).toEqual(expect.arrayContaining(['站点编码', typed.code, placed.code]))
    },
  )

  it('opens a store on the second tab, closes it and reopens it (SVC-1, SVC-5)', async (test) => {
    const { expect } = test
    const name = `东冶测试体验店${Date.now().toString(36)}`
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.getByRole('menuitem', { name: '物流网点' }).click()
    await page.getByRole('tab', { name: '门店与仓库' }).click()
    await page.getByRole('button', { name: '新建门店或仓库' }).click()
    const dialog = page.getByRole('dialog', { name: '新建门店或仓库' })
    await dialog.getByLabel('网点名称').fill(name)
    await dialog.getByLabel('所在区划').click()
    await page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: /^东冶镇$/ })
      .click()
    await page.keyboard.press('Escape')
    await dialog.getByLabel('地址').fill('东冶镇新华街 8 号')
    await dialog.getByLabel('纬度').fill('38.6')
    await dialog.getByLabel('经度').fill('113.35')
    await dialog.getByLabel('联系电话').fill('13800009999')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByLabel('搜索门店与仓库').fill(name)
    await page.getByLabel('搜索门店与仓库').press('Enter')
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name })
    await row.getByText('运营中').waitFor()
    expect(await row.innerText()).toContain('13800009999')
    await row.getByRole('button', { name: '关闭' }).click()
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click()
    await row.getByText('已关闭').waitFor()
    await row.getByRole('button', { name: '重新开放' }).click()
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click()
    await row.getByText('运营中').waitFor()
    await saveScreenshot(page, 'network-admin-stores')
  })
})
