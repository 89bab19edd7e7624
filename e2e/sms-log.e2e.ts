import { describe, it } from 'vitest'
import { apiAs, logIn, type ApiSession } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

interface SmsRow {
  phone: string
  body: string | null
  status: string
  attempts: number
}

/** Waits until the dispatcher (every 5 s) has dealt with the texts to numbers ending in `tail`. */
async function settledTexts(operator: ApiSession, tail: string, count: number): Promise<SmsRow[]> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const { items } = await operator.get<{ items: SmsRow[] }>(
      `/api/notifications/sms?phoneTail=${tail}`,
    )
    const settled = items.filter((row) => row.status === 'sent' || row.status === 'failed')
    if (settled.length >= count || Date.now() > deadline) return items
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('the SMS log', () => {
  const { browser, baseURL } = useBrowser()

  it('shows the arrival text a villager received and resends one that failed', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const stamp = Date.now().toString(36).toUpperCase()
    const tail = String(Date.now() % 10_000).padStart(4, '0')
    const mobile = `1390000${tail}`
    // A landline gets no text: the gateway refuses it for good, so the text ends up failed.
    const landline = `0350-321${tail}`
    const carriers = await operator.get<{ id: string; name: string }[]>('/api/logistics/carriers')
    const carrierId = carriers.find((carrier) => carrier.name.includes('邮政'))?.id
    const parcels = [
      { waybillNo: `SMSA${stamp}`, recipientPhone: mobile },
      { waybillNo: `SMSB${stamp}`, recipientPhone: landline },
    ]
    await operator.post('/api/logistics/parcels', {
      carrierId,
      parcels: parcels.map((parcel) => ({
        ...parcel,
        recipientName: '短信测试',
        address: '五台县台城镇台城村',
        villageCode: '140922100201',
        weightKg: 1,
      })),
    })
    for (const { waybillNo } of parcels) {
      for (const type of ['received', 'sorted', 'loaded', 'departed', 'arrived']) {
        await operator.post('/api/logistics/scans', { waybillNo, type })
      }
    }
    const texts = await settledTexts(operator, tail, 2)
    expect(texts.map((text) => text.status).sort()).toEqual(['failed', 'sent'])

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.getByRole('menuitem', { name: '短信记录' }).click()
    await page.getByLabel('手机尾号（4 位）').fill(tail)
    await page.getByLabel('手机尾号（4 位）').press('Enter')

    const sent = page.locator('tr.ant-table-row').filter({ hasText: `139****${tail}` })
    await sent.getByText(`您的包裹（运单号${parcels[0]?.waybillNo}）已到达`).waitFor()
    await sent.getByText('已发送').waitFor()
    expect(await sent.getByRole('button', { name: '重发' }).count()).toBe(0)

    const failed = page.locator('tr.ant-table-row').filter({ hasText: `035****${tail}` })
    await failed.getByText('发送失败').waitFor()
    await failed.getByText(/MOBILE_NUMBER_ILLEGAL/).waitFor()
    await failed.getByRole('button', { name: '重发' }).click()
    const dialog = page.getByRole('dialog').filter({ hasText: `重新发送给 035****${tail}？` })
    await dialog.getByRole('button', { name: '重发' }).click()
    await page.getByText('已重新排队发送').waitFor()
    // The dispatcher tries again; the landline is refused again, on a second attempt.
    await expect
      .poll(
        async () => {
          const { items } = await operator.get<{ items: SmsRow[] }>(
            `/api/notifications/sms?phoneTail=${tail}&status=failed`,
          )
          return items.map((row) => row.attempts)
        },
        { timeout: 20_000, interval: 250 },
      )
      .toEqual([2])
    await page.reload()
    await failed.getByRole('cell', { name: '2', exact: true }).waitFor()
    await saveScreenshot(page, 'sms-log')
  })
})
