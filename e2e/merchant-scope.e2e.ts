import { describe, it } from 'vitest'
import { DEMO_PASSWORD, logIn } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'

const OWN_ORGANIZATION = '五台山台蘑专业合作社'
const OPERATING_COMPANY = '五台县电子商务公共服务中心'

describe.concurrent('a merchant administrator', () => {
  const { browser, baseURL } = useBrowser()

  it('sees only its own organization and its own users', async (test) => {
    const { expect } = test
    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, 'merchant')

    const rows = page.locator('.ant-table-tbody tr.ant-table-row')
    await page.getByRole('cell', { name: 'merchant', exact: true }).waitFor()
    const usernames = await rows.locator('td:nth-child(1)').allInnerTexts()
    expect(usernames).toEqual(['merchant'])

    await page.getByRole('menuitem', { name: '机构管理' }).click()
    await page.getByRole('cell', { name: OWN_ORGANIZATION, exact: true }).waitFor()
    expect(await rows.count()).toBe(1)
    expect(await page.getByText('共 1 条').count()).toBe(1)
  })

  it('cannot list the users of another organization by editing the address', async (test) => {
    const { expect } = test
    const { page, context } = await openPage(browser(), baseURL, test)
    // The operating company's id, looked up the way an insider could: as the admin, via the API.
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'admin', password: DEMO_PASSWORD },
    })
    expect(login.status()).toBe(200)
    const found = await context.request.get('/api/organizations', {
      params: { q: OPERATING_COMPANY },
    })
    const { items } = (await found.json()) as { items: { id: string; name: string }[] }
    const otherId = items.find((organization) => organization.name === OPERATING_COMPANY)?.id
    expect(otherId).toBeTruthy()
    await context.clearCookies()

    await logIn(page, 'merchant')
    await page.goto(`/users?organizationId=${otherId!}`)
    await page.getByText('暂无用户', { exact: true }).waitFor()
    expect(await page.getByRole('cell', { name: 'admin', exact: true }).count()).toBe(0)
    expect(await page.getByRole('cell', { name: 'operator', exact: true }).count()).toBe(0)
  })
})
