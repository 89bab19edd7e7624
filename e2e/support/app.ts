import type { Page } from 'playwright-core'

export const DEMO_PASSWORD = 'Wutai@2019'

/**
 * Signs in through the login form and waits until the console has left the login page.
 * On a phone the side menu is folded away, so the signed-in header is what shows up.
 */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  const phone = (page.viewportSize()?.width ?? 1440) < 768
  await (phone ? page.getByTestId('current-user') : sideMenu(page)).waitFor()
}

export interface ApiSession {
  userId: string
  get: <T>(path: string) => Promise<T>
  post: <T>(path: string, body?: unknown) => Promise<T>
  put: <T>(path: string, body: unknown) => Promise<T>
}

/**
 * Signs in over HTTP for setting up state quickly (parcels, scans, plans); the browser is kept
 * for what the test is about. Any answer other than 2xx fails the test with the server's words.
 */
export async function apiAs(
  baseURL: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`login as ${username}: ${login.status} ${await login.text()}`)
  const me = (await login.json()) as { user: { id: string }; csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseURL}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    }
    return (response.status === 204 ? undefined : await response.json()) as T
  }
  return {
    userId: me.user.id,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  }
}

/** Today (or `offsetDays` from it) in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + (8 * 60 + offsetDays * 24 * 60) * 60_000).toISOString().slice(0, 10)
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
