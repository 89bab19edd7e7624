import { describe, it } from 'vitest'
import { logIn, pickOption } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'

describe('an operator administrator', () => {
  const { browser, baseURL } = useBrowser()

  // The longest journey (about 15 s alone) gets more than the default time: with other files
  // running beside it on a 2-CPU runner it has taken up to 45 s.
  it(
    'creates an organization and a user, finds both in the lists and the audit log',
    { timeout: 90_000 },
    async (test) => {
      const { expect } = test
      const { page } = await openPage(browser(), baseURL, test)
      const suffix = Date.now().toString(36)
      const organizationName = `东冶镇测试服务站${suffix}`
      const username = `e2e_${suffix}`
      const displayName = `测试站长${suffix}`
      await logIn(page, 'operator')

      // A village station in a township picked from the geography cascader.
      await page.getByRole('menuitem', { name: '机构管理' }).click()
      await page.getByRole('button', { name: '新建机构' }).click()
      const organizationDialog = page.getByRole('dialog', { name: '新建机构' })
      await pickOption(page, '机构类型', '村级服务站')
      await organizationDialog.getByLabel('机构名称').fill(organizationName)
      await organizationDialog.getByLabel('所在乡镇/村').click()
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: /^东冶镇$/ })
        .click()
      await organizationDialog.getByLabel('联系人').fill('王站长')
      await organizationDialog.getByLabel('联系电话').fill('13800001234')
      await organizationDialog.getByRole('button', { name: '保存' }).click()
      await organizationDialog.waitFor({ state: 'hidden' })
      await page.getByLabel('搜索').fill(organizationName)
      await page.getByLabel('搜索').press('Enter')
      const organizationRow = page.getByRole('row').filter({ hasText: organizationName })
      await organizationRow.waitFor()
      expect(await organizationRow.innerText()).toContain('村级服务站')
      expect(await organizationRow.innerText()).toContain('东冶镇')

      // A user who runs that station.
      await page.getByRole('menuitem', { name: '用户管理' }).click()
      await page.getByRole('button', { name: '新建用户' }).click()
      const userDialog = page.getByRole('dialog', { name: '新建用户' })
      await userDialog.getByLabel('用户名').fill(username)
      await userDialog.getByLabel('姓名').fill(displayName)
      await userDialog.getByLabel('手机号').fill('13800005678')
      await userDialog.getByLabel('初始密码').fill('Station@2026')
      await pickOption(page, '机构', `${organizationName}（村级服务站）`, organizationName)
      await pickOption(page, '角色', '村级服务站站长')
      await userDialog.getByRole('button', { name: '保存' }).click()
      await userDialog.waitFor({ state: 'hidden' })
      await page.getByLabel('搜索').fill(username)
      await page.getByLabel('搜索').press('Enter')
      const userRow = page.getByRole('row').filter({ hasText: username })
      await userRow.waitFor()
      expect(await userRow.innerText()).toContain(`${organizationName} · 村级服务站站长`)
      await saveScreenshot(page, 'users-after-create')

      // Renaming and disabling in one edit; disabling asks first.
      await userRow.getByRole('button', { name: '编辑' }).click()
      const editDialog = page.getByRole('dialog', { name: '编辑用户' })
      await editDialog.getByLabel('姓名').fill(`${displayName}（停用）`)
      await pickOption(page, '状态', '已停用')
      await editDialog.getByRole('button', { name: '保存' }).click()
      const confirm = page.getByRole('dialog', { name: `确定停用用户 ${displayName} 吗？` })
      await confirm.getByRole('button', { name: '停用' }).click()
      await editDialog.waitFor({ state: 'hidden' })
      await userRow.getByText('已停用').waitFor()

      // Both mutations are in the audit log with the after-image. Other test files create
      // organizations and users meanwhile, so after filtering by action as a clerk would, the log
      // is narrowed to this test's records by their id (the page takes ?entityId=).
      const idOf = async (path: string) => {
        const found = await page.request.get(`${baseURL}${path}`)
        const body = (await found.json()) as { items: { id: string }[] }
        return body.items[0]?.id ?? 'missing'
      }
      const organizationId = await idOf(
        `/api/organizations?q=${encodeURIComponent(organizationName)}`,
      )
      const userId = await idOf(`/api/users?q=${encodeURIComponent(username)}`)
      await page.getByRole('menuitem', { name: '审计日志' }).click()
      await page.getByRole('heading', { name: '审计日志' }).waitFor()
      const rows = page.locator('.ant-table-tbody tr.ant-table-row')
      const filtered = page.waitForResponse((response) =>
        response.url().includes('action=organization.create'),
      )
      await pickOption(page, '按操作筛选', '创建机构')
      await filtered
      await page.goto(`/audit-log?action=organization.create&entityId=${organizationId}`)
      const detail = page.locator('.ant-table-expanded-row').first()
      await rows.first().getByText('创建机构').waitFor()
      expect(await rows.first().innerText()).toContain('王经理（运营中心）')
      await rows
        .first()
        .getByRole('button', { name: /展开|Expand/ })
        .click()
      await detail.getByText('变更后', { exact: true }).waitFor()
      expect(await detail.innerText()).toContain(`"name": "${organizationName}"`)

      await page.goto(`/audit-log?action=user.create&entityId=${userId}`)
      await rows.first().getByText('创建用户').waitFor()
      expect(await rows.first().innerText()).toContain('王经理（运营中心）')
      await rows
        .first()
        .getByRole('button', { name: /展开|Expand/ })
        .click()
      await detail.getByText('变更后', { exact: true }).waitFor()
      expect(await detail.innerText()).toContain(`"username": "${username}"`)

      // The update shows before and after, with exactly the changed keys highlighted.
      await page.goto(`/audit-log?action=user.update&entityId=${userId}`)
      await rows.first().getByText('修改用户').waitFor()
      await rows
        .first()
        .getByRole('button', { name: /展开|Expand/ })
        .click()
      const after = detail.locator('.ant-card').filter({ hasText: '变更后' })
      await after.getByText('停用').first().waitFor()
      const changed = await after.locator('[data-changed]').allInnerTexts()
      expect(changed.map((line) => line.trim().split(':')[0])).toEqual([
        '"displayName"',
        '"status"',
      ])
      await saveScreenshot(page, 'audit-log-expanded')
    },
  )
})
