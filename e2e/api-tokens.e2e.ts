import { describe, it } from 'vitest'
import { logIn, pickOption } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('API tokens', () => {
  const { browser, baseURL } = useBrowser()

  it('lets a carrier create a token, shows its secret once, and revokes it after a confirmation', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    const name = `揽收系统${Date.now().toString(36)}`
    await logIn(page, 'carrier')
    await page.getByRole('menuitem', { name: 'API 令牌' }).click()
    await page.getByRole('button', { name: '新建令牌' }).click()
    const dialog = page.getByRole('dialog', { name: '新建令牌' })
    await dialog.getByLabel('令牌名称').fill(name)
    // The carrier only sees its own organization, so that is the one to pick.
    await pickOption(page, '机构', '中国邮政五台县分公司（快递公司）')
    await pickOption(page, '角色', '快递公司业务员')
    await dialog.getByRole('button', { name: '保存' }).click()

    const secretDialog = page.getByRole('dialog', { name: '令牌已创建' })
    const secret = await secretDialog.getByLabel(name).inputValue()
    expect(secret.length).toBeGreaterThan(20)
    await saveScreenshot(page, 'api-token-secret')
    await secretDialog.getByRole('button', { name: '我已保存' }).click()
    await secretDialog.waitFor({ state: 'hidden' })
    expect(await page.content()).not.toContain(secret) // shown once, never again

    const row = page.getByRole('row').filter({ hasText: name })
    expect(await row.innerText()).toContain('有效')
    await row.getByRole('button', { name: '吊销' }).click()
    await page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click()
    await row.getByText('已吊销').waitFor()
    expect(await row.getByRole('button', { name: '吊销' }).count()).toBe(0)
  })
})
