import { describe, it } from 'vitest'
import { apiAs, logIn } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { newMerchant } from './support/commerce.js'

describe('shop applications', () => {
  const { browser, baseURL } = useBrowser()

  it('a merchant applies, the operator rejects with a note, the merchant applies again and is approved', async (test) => {
    const operatorApi = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operatorApi, '东冶')
    const shopName = `${merchant.organizationName}小店`

    const { page: shopPage } = await openPage(browser(), baseURL, test)
    await logIn(shopPage, merchant.username)
    await shopPage.getByRole('menuitem', { name: '我的网店' }).click()
    await shopPage.getByText('您的机构还没有网店').waitFor()
    await shopPage.getByLabel('店铺名称').fill(shopName)
    await shopPage.getByLabel('店铺简介').fill('东冶镇的杂粮')
    await shopPage.getByRole('button', { name: '提交开店申请' }).click()
    await shopPage.getByText('开店申请正在审核中').waitFor()

    const { page: review } = await openPage(browser(), baseURL, test)
    await logIn(review, 'operator')
    await review.getByRole('menuitem', { name: '网店审核' }).click()
    const row = review.locator('tr.ant-table-row').filter({ hasText: shopName })
    await row.getByText('待审核').waitFor()
    await row.getByRole('button', { name: '驳回' }).click()
    const rejectDialog = review.getByRole('dialog', { name: `驳回「${shopName}」的开店申请？` })
    // A rejection without a note is refused in the form: the merchant must learn why.
    await rejectDialog.getByRole('button', { name: '驳回' }).click()
    await rejectDialog.getByText('此项必填').waitFor()
    await rejectDialog.getByLabel('审核意见').fill('请补充营业执照信息')
    await rejectDialog.getByRole('button', { name: '驳回' }).click()
    await rejectDialog.waitFor({ state: 'detached' })
    // The queue shows pending applications: the rejected one leaves it.
    await row.waitFor({ state: 'detached' })

    await shopPage.reload()
    await shopPage.getByText('开店申请被驳回：请补充营业执照信息').waitFor()
    await shopPage.getByLabel('店铺简介').fill('东冶镇的杂粮，营业执照已补充')
    await shopPage.getByRole('button', { name: '修改后重新申请' }).click()
    await shopPage.getByText('开店申请正在审核中').waitFor()

    await review.reload()
    await row.getByText('待审核').waitFor()
    await row.getByRole('button', { name: '通过' }).click()
    const approveDialog = review.getByRole('dialog', { name: `通过「${shopName}」的开店申请？` })
    await approveDialog.getByRole('button', { name: '通过' }).click()
    await approveDialog.waitFor({ state: 'detached' })
    await row.waitFor({ state: 'detached' })
    await review.getByLabel('状态').click()
    await review
      .locator('.ant-select-dropdown:visible')
      .getByText('已开通', { exact: true })
      .click()
    await row.getByText('已开通').waitFor()

    await shopPage.reload()
    const card = shopPage.locator('.ant-card').filter({ hasText: shopName })
    await card.getByText('已开通').waitFor()
    await saveScreenshot(shopPage, 'my-shop-approved')
  })
})
