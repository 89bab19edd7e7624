import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

interface Site {
  id: string
  name: string
  divisionCode: string
  lat: number
  lon: number
  coordinatesApproximate: boolean
}

// 大石岭村: no other journey looks at it (network.e2e keeps 佛光村's position a guess on purpose).
const STATION = { code: '140922103220', name: '大石岭村村级服务站' }

describe('surveyed station positions', () => {
  const { browser, baseURL } = useBrowser()

  it('a clerk uploads a coordinates CSV and sees the corrected station and the rows that failed', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const [before] = (await operator.get<{ items: Site[] }>('/api/logistics/sites?q=大石岭')).items
    if (!before?.coordinatesApproximate) throw new Error(`${STATION.name} should still be a guess`)
    // A few hundred metres from the guess, so the plans of other journeys hardly change.
    const surveyed = { lat: before.lat + 0.00123, lon: before.lon - 0.00087 }
    const csv = [
      '区划代码,纬度,经度',
      `${STATION.code},${surveyed.lat.toFixed(6)},${surveyed.lon.toFixed(6)}`,
      '140922999999,38.7,113.2', // no such station
      `${STATION.code},113.2,38.7`, // columns swapped
    ].join('\n')

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.getByRole('menuitem', { name: '物流网点' }).click()
    await page.getByLabel('搜索').fill('大石岭')
    await page.getByLabel('搜索').press('Enter')
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: STATION.name })
    await row.getByRole('button', { name: '查看' }).click()
    const details = page.getByTestId('site-details')
    await details.getByTestId('site-code').getByText(STATION.code).waitFor()
    expect(await details.getByText('位置待核实').count()).toBe(1)

    await page
      .locator('.ant-card')
      .filter({ hasText: '导入网点坐标' })
      .locator('input[type=file]')
      .setInputFiles({
        name: 'stations.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      })
    const result = page.getByTestId('coordinates-result')
    await result.waitFor()
    const count = async (label: string) =>
      (await result.locator('.ant-statistic').filter({ hasText: label }).innerText())
        .replace(label, '')
        .trim()
    expect(await count('已更新')).toBe('1')
    expect(await count('失败')).toBe('2')
    const errors = await result.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()
    expect(errors.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      '3 区划代码 区划代码 140922999999 没有对应站点',
      '4 纬度 纬度不在中国范围内',
    ])

    // The station on screen is the surveyed one now, in the details and in the list.
    await details
      .getByText(`${surveyed.lat.toFixed(5)}, ${surveyed.lon.toFixed(5)}`, { exact: false })
      .waitFor()
    expect(await details.getByText('已核实').count()).toBe(1)
    expect(await details.getByText('位置待核实').count()).toBe(0)
    await row.getByText('已核实').waitFor()
    await saveScreenshot(page, 'site-coordinates-import')
  })
})
