import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { fetchLoginCode } from './support/login-code.js'

// Issue 12: an hour with far more sign-in codes than usual (someone texting strangers through
// the shop) is put before the operator on the SMS log, not only written to the audit log.

/** Codes past which a quiet day's hour counts as a surge (LOGIN_CODE_LIMITS.alertFloor), and a margin. */
const CODES_TO_SURGE = 60

describe('a surge of sign-in codes', () => {
  const { browser, baseURL } = useBrowser()

  it('warns the operator above the SMS log and leads to the audit entry', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const surges = async () =>
      (
        await operator.get<{ total: number }>(
          '/api/audit-log?action=sms.login_code_surge&pageSize=1',
        )
      ).total
    const prefix = `137${String(Date.now() % 10_000).padStart(4, '0')}`
    for (let i = 0; i < CODES_TO_SURGE && (i % 10 !== 9 || (await surges()) === 0); i++)
      await fetchLoginCode(baseURL, `${prefix}${String(i).padStart(4, '0')}`)
    expect(await surges()).toBe(1)

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'operator')
    await page.getByRole('menuitem', { name: '短信记录' }).click()
    const alert = page.getByRole('alert').filter({ hasText: '登录验证码请求激增' })
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/发出 \d+ 条/)
    await saveScreenshot(page, 'sms-surge')
    await alert.getByRole('link', { name: '查看审计日志' }).click()
    await page.locator('tr.ant-table-row').filter({ hasText: '短信验证码激增' }).first().waitFor()
  })

  it('is not shown to hub staff, who read the SMS log but not the audit log', async (test) => {
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'hub')
    await page.getByRole('menuitem', { name: '短信记录' }).click()
    await page.getByRole('table').waitFor()
    test.expect(await page.getByRole('alert').filter({ hasText: '激增' }).count()).toBe(0)
  })
})
