import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'

describe('a station master on a phone', () => {
  const { browser, baseURL } = useBrowser()

  it('scans an arrival, hands the parcel over against the phone tail and registers a pickup', async (test) => {
    const { expect } = test
    const waybillNo = `STN${Date.now().toString(36).toUpperCase()}`
    const operator = await apiAs(baseURL, 'operator')
    const carriers = await operator.get<{ items: { id: string; name: string }[] }>(
      '/api/organizations?type=carrier&pageSize=50',
    )
    await operator.post('/api/logistics/parcels', {
      carrierId: carriers.items.find((carrier) => carrier.name.includes('邮政'))?.id,
      parcels: [
        {
          waybillNo,
          recipientName: '吴十',
          recipientPhone: '13911112468',
          address: '五台县台城镇台城村',
          villageCode: '140922100201', // 台城村: the demo station master's village
          weightKg: 2,
        },
      ],
    })
    for (const type of ['received', 'sorted', 'loaded', 'departed']) {
      await operator.post('/api/logistics/scans', { waybillNo, type })
    }

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    await logIn(page, 'station')
    expect(new URL(page.url()).pathname).toBe('/station')
    await page.getByRole('heading', { name: '台城村村级服务站' }).waitFor()
    const incoming = page.locator('.ant-list-item').filter({ hasText: waybillNo })
    await incoming.getByRole('button', { name: '到站扫描' }).click()
    await incoming.waitFor({ state: 'detached' })

    await page.getByRole('tab', { name: '待取件' }).click()
    const waiting = page.locator('.ant-list-item').filter({ hasText: waybillNo })
    const tail = waiting.getByLabel(`收件人手机尾号 ${waybillNo}`)
    await tail.fill('0000')
    await waiting.getByRole('button', { name: '取件' }).click()
    await waiting.getByText('手机尾号与收件人不符').waitFor()
    await tail.fill('2468')
    await waiting.getByRole('button', { name: '取件' }).click()
    await waiting.waitFor({ state: 'detached' })
    const parcel = await operator.get<{ items: { status: string }[] }>(
      `/api/logistics/parcels?q=${waybillNo}`,
    )
    expect(parcel.items[0]?.status).toBe('picked_up')

    await page.getByRole('tab', { name: '农产品揽收' }).click()
    const product = `台蘑${waybillNo.slice(-4)}`
    await page.getByLabel('寄件人', { exact: true }).fill('郑大爷')
    await page.getByLabel('寄件人电话').fill('13922223333')
    await page.getByLabel('品名').fill(product)
    await page.getByLabel('件数').fill('3')
    await page.getByLabel('重量(kg)').fill('12.5')
    await page.getByLabel('寄往地址').fill('太原市小店区')
    await page.getByRole('button', { name: '登记揽收' }).click()
    const pickup = page.locator('.ant-list-item').filter({ hasText: product })
    await pickup.waitFor()
    expect(await pickup.innerText()).toContain('已登记')
    await saveScreenshot(page, 'station-phone')
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )
  })
})
