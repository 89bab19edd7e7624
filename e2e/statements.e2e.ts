import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption, shanghaiDay } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { carrierId } from './support/logistics.js'

interface FeeRule {
  perParcelFen: number
  perKgFen: number
  freeKg: number
}

describe('carrier statements', () => {
  const { browser, baseURL } = useBrowser()

  it('an operator saves a carrier’s fee rule and the month’s statement is charged by it', async (test) => {
    const { expect } = test
    // 韵达: no other journey hands over its parcels or reads its fees, so the month stays put.
    const [operator, hub] = await Promise.all([apiAs(baseURL, 'operator'), apiAs(baseURL, 'hub')])
    const yundaId = await carrierId(operator, '韵达')
    const yundaName = (
      await operator.get<{ id: string; name: string }[]>('/api/logistics/carriers')
    ).find((carrier) => carrier.id === yundaId)?.name
    const ruleUrl = `/api/logistics/carriers/${yundaId}/fee-rule`
    const original = await operator.get<FeeRule>(ruleUrl)
    // A parcel received now, so the month has one even on its first morning.
    const waybillNo = `FEE${Date.now().toString(36).toUpperCase()}`
    await operator.post('/api/logistics/parcels', {
      carrierId: yundaId,
      parcels: [
        {
          waybillNo,
          recipientName: '周七',
          recipientPhone: '13955556666',
          address: '五台县台城镇西富村',
          villageCode: '140922100205',
          weightKg: 3.2,
        },
      ],
    })
    await hub.post('/api/logistics/scans', { waybillNo, type: 'received' })
    test.onTestFinished(async () => {
      await operator.put(ruleUrl, original)
      await hub.post('/api/logistics/scans', { waybillNo, type: 'returned' })
    })

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.getByRole('menuitem', { name: '对账结算' }).click()
    await pickOption(page, '快递公司', yundaName ?? '韵达')
    const statement = page.getByTestId('statement')
    await statement.getByText(`${yundaName} · ${shanghaiDay().slice(0, 7)}`).waitFor()
    const parcels = Number(
      (
        await statement
          .getByTestId('statement-parcels')
          .locator('.ant-statistic-content-value')
          .innerText()
      ).replace(/,/g, ''),
    )
    expect(parcels).toBeGreaterThan(0)

    // ¥2.37 a parcel and nothing by weight: the fee is the parcel count times 2.37 exactly.
    await page.getByLabel('每件（元）').fill('2.37')
    await page.getByLabel('续重每公斤（元）').fill('0')
    await page.getByLabel('首重（kg）').fill('1')
    await page.getByRole('button', { name: '保存计费规则' }).click()
    await statement.getByText('每件 ¥2.37，超过 1 kg 后每公斤加收 ¥0.00').waitFor()
    const fee = statement.locator('.ant-statistic').filter({ hasText: '应收派送费（元）' })
    expect(await fee.locator('.ant-statistic-content').innerText()).toBe(
      `¥${((parcels * 237) / 100).toFixed(2)}`,
    )
    expect(await operator.get<FeeRule>(ruleUrl)).toEqual({
      perParcelFen: 237,
      perKgFen: 0,
      freeKg: 1,
    })
    await saveScreenshot(page, 'statement-fee-rule')
  })
})
