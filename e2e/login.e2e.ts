import { describe, it } from 'vitest'
import { DEMO_PASSWORD, logIn, sideMenu } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'

describe.concurrent('signing in and out', () => {
  const { browser, baseURL } = useBrowser()

  it('shows the server’s message for a wrong password and stays on the login page', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await page.goto('/login')
    await page.getByLabel('用户名').fill('station')
    await page.getByLabel('密码').fill('not-the-password')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor()
    expect(new URL(page.url()).pathname).toBe('/login')
  })

  it('tells a locked-out user when to try again', async (test) => {
    const { expect } = test
    const { page, context } = await openPage(browser(), baseURL, test)
    // merchant2 is used by no other test; ten wrong passwords lock it (the address limit is 50).
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await context.request.post('/api/auth/login', {
        data: { username: 'merchant2', password: 'wrong' },
      })
      expect(response.status()).toBe(401)
    }
    await page.goto('/login')
    await page.getByLabel('用户名').fill('merchant2')
    await page.getByLabel('密码').fill(DEMO_PASSWORD) // even the right password is refused now
    await page.getByRole('button', { name: '登录' }).click()
    const alert = page.getByRole('alert')
    await alert.getByText('密码错误次数过多', { exact: false }).waitFor()
    expect(await alert.innerText()).toMatch(/请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} 后重试/)
    expect(new URL(page.url()).pathname).toBe('/login')
  })

  it('returns to the page asked for after signing in, and to the login page after signing out', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await page.goto('/audit-log')
    await page.waitForURL((url) => url.pathname === '/login')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit-log')
    await page.getByLabel('用户名').fill('operator')
    await page.getByLabel('密码').fill('Wutai@2019')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '审计日志' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/audit-log')
    expect(await page.getByTestId('current-user').innerText()).toBe('王经理（运营中心）')

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto('/users')
    await page.waitForURL((url) => url.pathname === '/login')
    expect(await sideMenu(page).count()).toBe(0)
  })

  it('shows a field worker its account with its organization and role', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'station')
    await page.getByRole('menuitem', { name: '我的账户' }).click()
    await page.getByRole('heading', { name: '我的账户' }).waitFor()
    const memberships = page.locator('.ant-table-tbody')
    await memberships.getByText('村级服务站站长').waitFor()
    expect(await memberships.innerText()).toContain('村级服务站')
  })
})
