import { describe, it } from 'vitest'
import { logIn } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('the geography page', () => {
  const { browser, baseURL } = useBrowser()

  it('finds a village by name, opens its township in the tree and shows its details', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'driver')
    await page.getByRole('menuitem', { name: '行政区划' }).click()
    const tree = page.getByRole('tree')
    await tree.getByText('台怀镇').waitFor()
    expect(await tree.innerText()).toContain('景区') // scenic-area townships are tagged

    await page.getByLabel('搜索').fill('佛光')
    await page.getByLabel('搜索').press('Enter')
    const match = page.getByText(/五台县 \/ .+ \/ 佛光村/).first()
    await match.click()
    const detail = page.locator('.ant-card').filter({ has: page.getByText('区划代码') })
    await detail.getByText('村', { exact: true }).waitFor()
    expect(await detail.innerText()).toMatch(/佛光村/)
    await tree.locator('.ant-tree-node-selected').filter({ hasText: '佛光村' }).waitFor()
    await saveScreenshot(page, 'geography')
  })
})
