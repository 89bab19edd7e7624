import { describe, expect, it } from 'vitest'
import { type Client } from '../../../test/test-app.js'
import { categoryIdOf, newMerchant, seriesIdOf, sku } from './test-support.js'
import { catalogApp } from '../../../test/fixtures.js'

// MKT-1, BR-1: merchants keep their own products; the brand needs a licence; on-sale rules.

interface Product {
  id: string
  status: string
  minPriceFen: number | null
  descriptionHtml: string
  skus: { id: string; priceFen: number; active: boolean }[]
  origin: { name: string; path: string[] } | null
  brandSeries: { name: string; brandName: string } | null
}

async function createProduct(client: Client, body: Record<string, unknown>) {
  return client.request({ method: 'POST', url: '/api/commerce/products', payload: body })
}

async function setStatus(client: Client, id: string, status: string) {
  return client.request({
    method: 'PUT',
    url: `/api/commerce/products/${id}/status`,
    payload: { status },
  })
}

describe('products of a merchant (MKT-1)', () => {
  it('creates a draft with SKUs, origin and a sanitized description, and lists it for its merchant only', async () => {
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const res = await createProduct(merchant, {
      categoryId: await categoryIdOf(merchant, '干货菌菇'),
      title: '台蘑礼盒',
      descriptionHtml:
        '<p onclick="steal()">山珍<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src="x" onerror="alert(1)"></p>',
      originDivisionCode: '140971100205',
      producer: '杨林村采菇队',
      localKind: 'specialty',
      skus: [sku(9900, '250g'), sku(0, '试吃装')],
    })
    expect(res.statusCode).toBe(201)
    const product = res.json<Product>()
    expect(product).toMatchObject({ status: 'draft', minPriceFen: 0 })
    expect(product.descriptionHtml).toBe('<p>山珍<a>链接</a></p>')
    expect(product.origin?.path).toEqual(['五台县', '台怀镇', '杨林村委会'])

    const own = (
      await merchant.request({ method: 'GET', url: '/api/commerce/products?status=draft' })
    ).json<{ items: { id: string }[] }>()
    expect(own.items.map((p) => p.id)).toContain(product.id)
    const other = await logIn('merchant2')
    const theirs = (await other.request({ method: 'GET', url: '/api/commerce/products' })).json<{
      items: { id: string; shopName: string }[]
    }>()
    expect(theirs.items.map((p) => p.id)).not.toContain(product.id)
    expect(new Set(theirs.items.map((p) => p.shopName))).toEqual(new Set(['佛地黄小米专营店']))
  })

  it("answers 404 for another merchant's product, changes nothing, and audits the attempt", async () => {
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const other = await logIn('merchant2')
    const [target] = (await other.request({ method: 'GET', url: '/api/commerce/products' })).json<{
      items: { id: string; title: string }[]
    }>().items
    const id = target?.id ?? ''
    const attempts = [
      await merchant.request({ method: 'GET', url: `/api/commerce/products/${id}` }),
      await merchant.request({
        method: 'PATCH',
        url: `/api/commerce/products/${id}`,
        payload: { title: '被篡改' },
      }),
      await setStatus(merchant, id, 'off_sale'),
      await merchant.request({ method: 'DELETE', url: `/api/commerce/products/${id}` }),
    ]
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404])
    const after = (
      await other.request({ method: 'GET', url: `/api/commerce/products/${id}` })
    ).json<{ title: string; status: string }>()
    expect(after).toMatchObject({ title: target?.title, status: 'on_sale' })
    const operator = await logIn('operator')
    const denied = (
      await operator.request({
        method: 'GET',
        url: `/api/audit-log?action=access.denied&entityId=${id}`,
      })
    ).json<{ items: { entityType: string; actorName: string }[] }>()
    expect(denied.items).toHaveLength(4)
    expect(denied.items[0]).toMatchObject({
      entityType: 'product',
      actorName: '赵社长（台蘑合作社）',
    })
  })

  it('names the field of bad input in both languages', async () => {
    const { logIn } = await catalogApp()
    const merchant = await logIn('merchant')
    const categoryId = await categoryIdOf(merchant, '干货菌菇')
    const badPrice = await createProduct(merchant, {
      categoryId,
      title: '台蘑',
      skus: [{ ...sku(100), priceFen: 12.5 }],
    })
    expect(badPrice.statusCode).toBe(400)
    expect(badPrice.json()).toMatchObject({
      errors: [{ field: 'skus/0/priceFen', message: 'must be integer', messageZh: '类型应为整数' }],
    })
    const noSkus = await createProduct(merchant, { categoryId, title: '台蘑', skus: [] })
    expect(noSkus.json()).toMatchObject({ errors: [{ field: 'skus' }] })
    const badVillage = await createProduct(merchant, {
      categoryId,
      title: '台蘑',
      originDivisionCode: '140922999999',
      skus: [sku(100)],
    })
    expect(badVillage.statusCode).toBe(400)
    expect(badVillage.json()).toMatchObject({
      errors: [{ field: 'originDivisionCode', messageZh: '没有这个村或乡镇' }],
    })
    const badCategory = await createProduct(merchant, {
      categoryId: 'nope',
      title: '台蘑',
      skus: [sku(100)],
    })
    expect(badCategory.json()).toMatchObject({ errors: [{ field: 'categoryId' }] })
    const badKind = await createProduct(merchant, {
      categoryId,
      title: '台蘑',
      localKind: 'imported',
      skus: [sku(100)],
    })
    expect(
      badKind.json<{ errors: { field: string; message: string }[] }>().errors[0],
    ).toMatchObject({ field: 'localKind' })
  })
})

describe('brand licence (BR-1)', () => {
  it('ties a product to a series only while its merchant holds a valid licence', async () => {
    const test = await catalogApp()
    const operator = await test.logIn('operator')
    const merchant = await test.logIn('merchant') // licensed for 台蘑酱 and 蘑菇片
    const categoryId = await categoryIdOf(merchant, '小米杂粮')
    const millet = await seriesIdOf(merchant, '佛地黄小米')
    const refused = await createProduct(merchant, {
      categoryId,
      brandSeriesId: millet,
      title: '黄小米',
      skus: [sku(3000)],
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({
      code: 'conflict',
      errors: [{ field: 'brandSeriesId', messageZh: '该商家没有此品牌系列的有效授权' }],
    })

    const sauce = await seriesIdOf(merchant, '台蘑酱')
    const created = await createProduct(merchant, {
      categoryId: await categoryIdOf(merchant, '蘑菇酱'),
      brandSeriesId: sauce,
      title: '五台斋选 台蘑酱 新口味',
      skus: [sku(2980, '210g')],
    })
    expect(created.statusCode).toBe(201)
    expect(created.json<Product>().brandSeries).toEqual({
      id: sauce,
      name: '台蘑酱',
      brandName: '五台斋选',
    })

    // Revoking the licence stops the product from going on sale.
    const [brand] = (
      await operator.request({ method: 'GET', url: '/api/commerce/shop/brands' })
    ).json<{ id: string }[]>()
    const licenses = (
      await operator.request({
        method: 'GET',
        url: `/api/commerce/brands/${brand?.id ?? ''}/licenses`,
      })
    ).json<{ id: string; organizationName: string; seriesName: string | null; valid: boolean }[]>()
    const taimoSauce = licenses.find(
      (l) => l.organizationName === '五台山台蘑专业合作社' && l.seriesName === '台蘑酱',
    )
    expect(taimoSauce?.valid).toBe(true)
    const revoked = await operator.request({
      method: 'POST',
      url: `/api/commerce/brand-licenses/${taimoSauce?.id ?? ''}/revoke`,
      payload: { reason: '抽检不合格' },
    })
    expect(revoked.json()).toMatchObject({ valid: false, revokedReason: '抽检不合格' })
    // What was on sale under the licence comes off sale with it.
    const sauces = (
      await merchant.request({ method: 'GET', url: '/api/commerce/products?q=台蘑酱' })
    ).json<{ items: { title: string; status: string }[] }>().items
    expect(Object.fromEntries(sauces.map((p) => [p.title, p.status]))).toEqual({
      '五台斋选 台蘑酱 原味': 'off_sale',
      '五台斋选 台蘑酱 香辣': 'off_sale',
      '五台斋选 台蘑酱 新口味': 'draft',
    })
    const onSale = await setStatus(merchant, created.json<Product>().id, 'on_sale')
    expect(onSale.statusCode).toBe(409)
    expect(onSale.json()).toMatchObject({ errors: [{ field: 'brandSeriesId' }] })

    // A fresh licence for the whole brand lets it through again.
    const organizationId = (await merchant.request({ method: 'GET', url: '/api/auth/me' })).json<{
      memberships: { organizationId: string }[]
    }>().memberships[0]?.organizationId
    const granted = await operator.request({
      method: 'POST',
      url: `/api/commerce/brands/${brand?.id ?? ''}/licenses`,
      payload: { organizationId, validFrom: '2026-01-01' },
    })
    expect(granted.statusCode).toBe(201)
    expect((await setStatus(merchant, created.json<Product>().id, 'on_sale')).statusCode).toBe(200)
  })

  it('lets only the operating company manage the brand and its series', async () => {
    const test = await catalogApp()
    const merchant = await test.logIn('merchant')
    const operator = await test.logIn('operator')
    const [brand] = (
      await operator.request({ method: 'GET', url: '/api/commerce/shop/brands' })
    ).json<{ id: string; name: string; series: { name: string }[] }[]>()
    expect(brand?.series.map((s) => s.name)).toEqual(['台蘑酱', '佛地黄小米', '素茶', '蘑菇片'])
    const byMerchant = await merchant.request({
      method: 'POST',
      url: `/api/commerce/brands/${brand?.id ?? ''}/series`,
      payload: { name: '台参' },
    })
    expect(byMerchant.statusCode).toBe(403)
    const added = await operator.request({
      method: 'POST',
      url: `/api/commerce/brands/${brand?.id ?? ''}/series`,
      payload: { name: '台参', description: '五台山党参' },
    })
    expect(added.statusCode).toBe(201)
    const duplicate = await operator.request({
      method: 'POST',
      url: `/api/commerce/brands/${brand?.id ?? ''}/series`,
      payload: { name: '台参' },
    })
    expect(duplicate.statusCode).toBe(409)
    const removed = await operator.request({
      method: 'DELETE',
      url: `/api/commerce/brand-series/${added.json<{ id: string }>().id}`,
    })
    expect(removed.statusCode).toBe(204)
    const inUse = await operator.request({
      method: 'DELETE',
      url: `/api/commerce/brand-series/${await seriesIdOf(operator, '素茶')}`,
    })
    expect(inUse.statusCode).toBe(409)
  })
})

describe('going on sale', () => {
  it('needs an approved shop and an active SKU with a price above zero', async () => {
    const test = await catalogApp()
    const { client: merchant } = await newMerchant(test, 'newshop', '东冶镇蜂蜜合作社')
    const operator = await test.logIn('operator')
    const shop = (
      await merchant.request({
        method: 'POST',
        url: '/api/commerce/shops',
        payload: { name: '东冶蜂蜜' },
      })
    ).json<{ id: string }>()
    const product = (
      await createProduct(merchant, {
        categoryId: await categoryIdOf(merchant, '小米杂粮'),
        title: '槐花蜜',
        skus: [sku(0, '试吃装')],
      })
    ).json<Product>()

    const pendingShop = await setStatus(merchant, product.id, 'on_sale')
    expect(pendingShop.statusCode).toBe(409)
    expect(pendingShop.json<{ detailZh: string }>().detailZh).toContain('审核通过后才能上架')

    await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${shop.id}/review`,
      payload: { decision: 'approve' },
    })
    const freeOnly = await setStatus(merchant, product.id, 'on_sale')
    expect(freeOnly.statusCode).toBe(409)
    expect(freeOnly.json()).toMatchObject({ errors: [{ field: 'skus' }] })

    const withPrice = await merchant.request({
      method: 'POST',
      url: `/api/commerce/products/${product.id}/skus`,
      payload: sku(4500, '500g'),
    })
    expect(withPrice.json<Product>().minPriceFen).toBe(0)
    const onSale = await setStatus(merchant, product.id, 'on_sale')
    expect(onSale.statusCode).toBe(200)
    expect(onSale.json<Product>().status).toBe('on_sale')

    // Retiring the last priced SKU of an on-sale product is refused.
    const priced = withPrice.json<Product>().skus.find((s) => s.priceFen === 4500)
    const retire = await merchant.request({
      method: 'PATCH',
      url: `/api/commerce/products/${product.id}/skus/${priced?.id ?? ''}`,
      payload: { active: false },
    })
    expect(retire.statusCode).toBe(409)
    // A sold-out product comes off sale; one on sale cannot be deleted.
    expect(
      (await merchant.request({ method: 'DELETE', url: `/api/commerce/products/${product.id}` }))
        .statusCode,
    ).toBe(409)
    expect((await setStatus(merchant, product.id, 'off_sale')).json<Product>().status).toBe(
      'off_sale',
    )
    expect(
      (await merchant.request({ method: 'DELETE', url: `/api/commerce/products/${product.id}` }))
        .statusCode,
    ).toBe(204)
  })
})
