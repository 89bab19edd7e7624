import type { Page } from 'playwright-core'

export const DEMO_PASSWORD = 'Wutai@2019'

/** Signs in through the login form and waits until the console has left the login page. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  await sideMenu(page).waitFor()
}

export const sideMenu = (page: Page) => page.getByRole('navigation').getByRole('menu')

/** The labels of the side menu's entries, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = sideMenu(page).getByRole('menuitem')
  return (await items.allInnerTexts()).map((text) => text.trim())
}

/**
 * Opens an antd Select or Cascader by its label and picks the option with the given text.
 * A click that lands while a modal or another dropdown is still animating can miss, so the
 * pick is checked and retried until the field shows the chosen text.
 */
export async function pickOption(
  page: Page,
  fieldLabel: string,
  optionText: string,
  search?: string,
): Promise<void> {
  const input = page.getByLabel(fieldLabel, { exact: true })
  const field = page.locator('.ant-select, .ant-cascader').filter({ has: input })
  const dropdown = page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible')
  for (let attempt = 1; ; attempt++) {
    await waitUntilNoDropdown(page) // otherwise the last field's closing dropdown looks like ours
    await input.click()
    if (search !== undefined) await input.fill(search)
    try {
      await dropdown.getByText(optionText, { exact: true }).first().click({ timeout: 5_000 })
      await field.getByText(optionText, { exact: true }).waitFor({ timeout: 2_000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

async function waitUntilNoDropdown(page: Page): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible, .ant-cascader-dropdown:visible')
  for (let waitedMs = 0; (await open.count()) > 0 && waitedMs < 3_000; waitedMs += 100) {
    await page.waitForTimeout(100)
  }
}
