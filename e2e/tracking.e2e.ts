import { describe, it } from 'vitest'
import { apiAs } from './support/app.js'
import { openPage, PHONE, saveScreenshot, useBrowser } from './support/browser.js'

describe('public tracking on a phone', () => {
  const { browser, baseURL } = useBrowser()

  it('shows a villager the trail without signing in, and says when a waybill is unknown', async (test) => {
    const { expect } = test
    const waybillNo = `TRK${Date.now().toString(36).toUpperCase()}`
    const operator = await apiAs(baseURL, 'operator')
    const carriers = await operator.get<{ items: { id: string; name: string }[] }>(
      '/api/organizations?type=carrier&pageSize=50',
    )
    await operator.post('/api/logistics/parcels', {
      carrierId: carriers.items.find((carrier) => carrier.name.includes('中通'))?.id,
      parcels: [
        {
          waybillNo,
          recipientName: '孙七',
          recipientPhone: '13987654321',
          address: '五台县台城镇台城村',
          villageCode: '140922100201',
          weightKg: 1,
        },
      ],
    })
    await operator.post('/api/logistics/scans', { waybillNo, type: 'received' })
    await operator.post('/api/logistics/scans', { waybillNo, type: 'sorted' })

    const { page } = await openPage(browser(), baseURL, test, PHONE)
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto('/track')
    await page.getByLabel('运单号').fill(waybillNo)
    await page.getByLabel('手机尾号（选填）').fill('4321')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByTestId('tracking-status').filter({ hasText: '已分拣' }).waitFor()
    const events = await page.getByTestId('tracking-event').allInnerTexts()
    // Newest first, with places (the phone tail matched) and Beijing times.
    expect(events.map((event) => event.split(/\s·|\n/)[0])).toEqual(['已分拣', '物流中心已收件'])
    expect(events[0]).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/)
    expect(await page.getByText('台城村村级服务站').count()).toBeGreaterThan(0)
    await saveScreenshot(page, 'tracking-phone')
    // Only public answers: the tracking itself, and the county's name for the subtitle (issue 15).
    expect(
      asked
        .filter((path) => path.startsWith('/api/'))
        .every((p) => p.startsWith('/api/tracking/') || p === '/api/county'),
    ).toBe(true)
    await page.getByText('五台县农村物流', { exact: false }).waitFor()

    await page.getByLabel('运单号').fill('NOSUCH000000')
    await page.getByLabel('手机尾号（选填）').fill('')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByText('运单不存在', { exact: true }).waitFor()
    expect(await page.getByTestId('tracking-status').count()).toBe(0)
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    )
  })
})
