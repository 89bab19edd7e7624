import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { findFreePort } from '../src/test/free-port.js'
import {
  serverEnv,
  startServer,
  stopServer,
  type RunningServer,
} from '../src/test/server-process.js'
import { logIn } from './support/app.js'
import { openPage, useBrowser } from './support/browser.js'

// Issue 15 (PLAT): a real county's first run. Its own server, DEMO_DATA=off on an empty SQLite
// file in its own DATA_DIR (the suite's shared server has the Wutai demo).

describe('first run without demo data', () => {
  const { browser } = useBrowser()
  let server: RunningServer | undefined
  let address = ''
  let dataDir = ''

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cuntong-setup-e2e-'))
    const port = await findFreePort()
    address = `http://127.0.0.1:${String(port)}`
    const env = serverEnv(port, dataDir, `sqlite:${path.join(dataDir, 'cuntong.sqlite')}`, {
      DEMO_DATA: 'off',
    })
    server = await startServer(env, address)
  }, 120_000)

  afterAll(async () => {
    if (server) await stopServer(server.child)
    await rm(dataDir, { recursive: true, force: true })
  })

  /** The link the server printed at start, as an operator copies it from the log. */
  async function printedLink(): Promise<string> {
    for (let tries = 0; tries < 50; tries++) {
      const match = /http:\/\/\S+\/setup\?token=[\w-]+/.exec(server?.output.join('') ?? '')
      if (match) return match[0]
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no setup link printed:\n${server?.output.join('') ?? ''}`)
  }

  it('prints a setup link; the form sets the county up and the new administrator signs in', async (test) => {
    const { expect } = test
    const link = new URL(await printedLink())
    expect(link.host).toBe(new URL(address).host)
    const { page, context } = await openPage(browser(), address, test)

    // Nothing works before setup, and the console sends everyone to the setup page.
    expect((await context.request.get('/api/auth/me')).status()).toBe(503)
    await page.goto('/login')
    await page.waitForURL((url) => url.pathname === '/setup')
    await page.getByText('请打开服务器启动日志中打印的设置链接', { exact: false }).waitFor()

    await page.goto(`${link.pathname}${link.search}`)
    await page.getByLabel('县级行政区划代码（6 位）').fill('141023')
    await page.getByLabel('县名称').fill('襄汾县')
    await page.getByLabel('商务局名称').fill('襄汾县商务局')
    await page.getByLabel('运营公司名称').fill('襄汾县电子商务运营有限公司')
    await page.getByLabel('用户名').fill('chief')
    await page.getByLabel('姓名').fill('李主任')
    await page.getByLabel('手机号').fill('13900001234')
    await page.getByLabel('密码（至少 8 位）').fill('first-admin-2026')
    await page.getByLabel('再次输入密码').fill('first-admin-2026')
    await page.getByRole('button', { name: '完成设置' }).click()
    await page.getByText('初始设置完成').waitFor()

    // The link is used up.
    const again = await context.request.get(`/api/setup${link.search}`)
    expect(again.status()).toBe(410)

    await page.getByRole('link', { name: '去登录' }).click()
    await logIn(page, 'chief', 'first-admin-2026')
    expect(await page.getByTestId('current-user').innerText()).toBe('李主任')
    await page.getByText('襄汾县农村电商管理平台').waitFor()
    // The county's settings are the administrator's to edit.
    await page.goto('/county-settings')
    expect(await page.getByTestId('county-code').innerText()).toBe('141023')
    await expect.poll(() => page.getByLabel('区域公共品牌').inputValue()).toBe('襄汾县')
  })
})
