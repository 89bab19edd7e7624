import { describe, it } from 'vitest'
import { apiAs, logIn, pickOption } from './support/app.js'
import { openPage, saveScreenshot, useBrowser } from './support/browser.js'
import { approvedShop, newMerchant } from './support/commerce.js'

const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

interface ProductPage {
  items: { id: string; title: string }[]
}

describe('a merchant’s catalog', () => {
  const { browser, baseURL } = useBrowser()

  it('creates a product priced in yuan, puts it on sale and books stock in', async (test) => {
    const { expect } = test
    const operator = await apiAs(baseURL, 'operator')
    const merchant = await newMerchant(operator, '茹村')
    const merchantApi = await apiAs(baseURL, merchant.username)
    await approvedShop(merchantApi, operator, `${merchant.organizationName}店`)
    const warehouse = (
      await operator.get<{ kind: string; name: string }[]>('/api/commerce/stock-locations')
    ).find((location) => location.kind === 'warehouse')
    const title = `茹村干台蘑${Date.now().toString(36)}`

    const { page } = await openPage(browser(), baseURL, test)
    await logIn(page, merchant.username)
    await page.getByRole('menuitem', { name: '商品管理' }).click()
    await page.getByText('还没有商品').waitFor()
    await page.getByRole('button', { name: '新建商品' }).click()
    const drawer = page.locator('.ant-drawer').filter({ hasText: '新建商品' })
    await drawer.getByLabel('商品名称').fill(title)
    await pickOption(page, '类目', '山珍菌菇 / 干货菌菇')
    await drawer.getByLabel('生产者').fill('茹村农户')
    await drawer.getByRole('radio', { name: '本地特色' }).check()
    await drawer.getByLabel('规格', { exact: true }).fill('250g×1袋')
    await drawer.getByLabel('单位').fill('袋')
    await drawer.getByLabel('价格（元）').fill('12.5')
    await drawer.getByLabel('重量（克）').fill('250')
    await drawer.getByLabel('体积（cm³）').fill('1200')

    // A brand series the merchant holds no licence for is refused, next to the field.
    await pickOption(page, '区域品牌系列', '五台斋选 · 台蘑酱')
    await drawer.getByRole('button', { name: '保存' }).click()
    const series = drawer.locator('.ant-form-item').filter({ hasText: '区域品牌系列' })
    await series.getByText('该商家没有此品牌系列的有效授权').waitFor()
    await series.locator('.ant-select').hover()
    await series.locator('.ant-select-clear').click()
    await drawer.getByRole('button', { name: '保存' }).click()

    const editor = page.locator('.ant-drawer').filter({ hasText: '编辑商品' })
    await editor.getByRole('cell', { name: '¥12.50' }).waitFor()
    // A photo goes up through the upload button and can be deleted again.
    await editor.locator('input[type=file]').setInputFiles({
      name: 'taimo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
    })
    await page.getByText('图片已上传').waitFor()
    const photo = editor.locator('img[src^="/api/commerce/images/"]')
    await photo.waitFor()
    await editor.getByRole('button', { name: '移除' }).click()
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click()
    await photo.waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })

    const row = page.locator('tr.ant-table-row').filter({ hasText: title })
    await row.getByText('草稿').waitFor()
    await row.getByText('本地特色').waitFor()
    expect(await row.getByRole('cell', { name: '¥12.50' }).count()).toBe(1)
    await row.getByRole('button', { name: '上架' }).click()
    await row.getByText('在售').waitFor()
    await row.getByRole('button', { name: '下架' }).waitFor()

    // The price went over as integer fen, and the H5 shop finds the product now.
    const { items } = await merchantApi.get<ProductPage>(
      `/api/commerce/products?q=${encodeURIComponent(title)}`,
    )
    const detail = await merchantApi.get<{ skus: { priceFen: number }[] }>(
      `/api/commerce/products/${items[0]?.id}`,
    )
    expect(detail.skus.map((sku) => sku.priceFen)).toEqual([1250])
    const shop = await merchantApi.get<ProductPage>(
      `/api/commerce/shop/products?q=${encodeURIComponent(title)}`,
    )
    expect(shop.items.map((item) => item.title)).toEqual([title])

    await page.getByRole('menuitem', { name: '库存管理' }).click()
    await page.getByText('还没有库存记录').waitFor()
    await page.getByRole('button', { name: '入库' }).click()
    await pickOption(page, '商品', title, title)
    const dialog = page.getByRole('dialog', { name: '入库' })
    await dialog.locator('.ant-select').filter({ hasText: '250g×1袋 · ¥12.50' }).waitFor()
    await pickOption(page, '库存地点', `县仓 · ${warehouse?.name}`)
    await dialog.getByLabel('数量').fill('30')
    await dialog.getByRole('button', { name: '入库' }).click()
    await page.getByText('已入库 30 件').waitFor()
    const stock = page.locator('tr.ant-table-row').filter({ hasText: title })
    await stock.getByRole('cell', { name: warehouse?.name ?? '', exact: true }).waitFor()
    expect(await stock.locator('td').allInnerTexts()).toEqual([
      title,
      '250g×1袋',
      warehouse?.name,
      '30',
      '0',
      '0',
      '30',
    ])
    await saveScreenshot(page, 'merchant-stock')
  })
})
