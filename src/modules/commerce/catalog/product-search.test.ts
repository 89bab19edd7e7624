import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { type Client } from '../../../test/test-app.js'
import { categoryIdOf } from './test-support.js'
import { catalogApp } from '../../../test/fixtures.js'

// The H5 shop's search over the demo catalog: 19 products on sale in three approved shops,
// one draft. Chinese words of two characters go by LIKE, longer ones by the trigram index.

interface Card {
  id: string
  title: string
  shopName: string
  minPriceFen: number
  salesCount: number
  localKind: string | null
}
interface Results {
  items: Card[]
  total: number
  page: number
  pageSize: number
}

const search = async (client: Client, query: string): Promise<Results> => {
  const res = await client.request({ method: 'GET', url: `/api/commerce/shop/products?${query}` })
  expect(res.statusCode).toBe(200)
  return res.json<Results>()
}
const q = (text: string) => `q=${encodeURIComponent(text)}`
const titles = (results: Results) => results.items.map((p) => p.title)

describe('product search (H5 shop)', () => {
  it('finds Chinese words of two characters and of three or more, title hits first', async () => {
    const { app } = await catalogApp()
    const anyone: Client = { userId: '', request: (options) => app.inject(options) }
    const millet = await search(anyone, q('小米'))
    // The four with 小米 in the title, then the rest of the millet cooperative's shop.
    expect(titles(millet).slice(0, 4)).toEqual([
      '五台斋选 佛地黄小米',
      '五台黄小米 当季新米',
      '佛地黄小米 礼盒装',
      '五台杂粮组合 小米莜麦',
    ])
    expect(millet.total).toBe(7)
    expect(new Set(millet.items.map((p) => p.shopName))).toEqual(new Set(['佛地黄小米专营店']))

    const sauce = await search(anyone, q('台蘑酱'))
    expect(titles(sauce).sort()).toEqual(
      ['五台斋选 台蘑酱 原味', '五台斋选 台蘑酱 香辣', '台蘑拌面酱 家庭装'].sort(),
    )
    // Place of origin and producer are searchable too: 杨林村 (three characters), 台怀 (two).
    expect((await search(anyone, q('杨林村'))).total).toBe(4)
    expect((await search(anyone, q('台怀'))).total).toBeGreaterThan(5)
    // Several words: each must match.
    expect(titles(await search(anyone, q('台蘑 香辣')))).toEqual(['五台斋选 台蘑酱 香辣'])
    // LIKE's wildcards are plain characters to a shopper.
    expect((await search(anyone, q('%'))).total).toBe(0)
    expect((await search(anyone, q('_'))).total).toBe(0)
    expect((await search(anyone, q('没有的东西'))).total).toBe(0)
  })

  it('filters by category (with its children), local kind, shop and price', async () => {
    const { logIn } = await catalogApp()
    const anyone = await logIn('store')
    const grains = await search(anyone, `categoryId=${await categoryIdOf(anyone, '粮油米面')}`)
    expect(grains.total).toBe(7)
    const oats = await search(anyone, `categoryId=${await categoryIdOf(anyone, '莜面面粉')}`)
    expect(titles(oats).sort()).toEqual(['五台莜面 石磨莜麦面粉', '鲜莜面鱼鱼'].sort())
    const fresh = await search(anyone, 'localKind=fresh')
    expect(titles(fresh).sort()).toEqual(
      ['五台黄小米 当季新米', '鲜台蘑 当季采摘', '鲜莜面鱼鱼'].sort(),
    )
    const dear = await search(anyone, 'minPriceFen=10000&sort=price_asc')
    expect(dear.items.map((p) => p.minPriceFen)).toEqual([12800, 12800, 15800])
    const cheap = await search(anyone, `${q('小米')}&maxPriceFen=4000`)
    expect(cheap.items.every((p) => p.minPriceFen <= 4000)).toBe(true)
    expect(cheap.total).toBe(4)
    const [first] = cheap.items
    const sameShop = await search(
      anyone,
      `shopId=${first?.id ? await shopIdOf(anyone, first.id) : ''}`,
    )
    expect(sameShop.total).toBe(7)
  })

  it('sorts by sales, price and newest, and pages without repeating or skipping', async () => {
    const { logIn } = await catalogApp()
    const anyone = await logIn('store')
    const bySales = (await search(anyone, 'sort=sales&pageSize=100')).items.map((p) => p.salesCount)
    expect(bySales).toEqual([...bySales].sort((a, b) => b - a))
    const ascending = (await search(anyone, 'sort=price_asc&pageSize=100')).items.map(
      (p) => p.minPriceFen,
    )
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
    const descending = (await search(anyone, 'sort=price_desc&pageSize=100')).items.map(
      (p) => p.minPriceFen,
    )
    expect(descending).toEqual([...ascending].reverse())
    const newest = await search(anyone, 'sort=newest&pageSize=2')
    expect(titles(newest)).toEqual(['五台山野生台蘑 干货', '鲜台蘑 当季采摘'])

    const seen: string[] = []
    for (let page = 1; page <= 4; page++) {
      const results = await search(anyone, `sort=price_asc&pageSize=5&page=${page}`)
      expect(results).toMatchObject({ total: 19, page, pageSize: 5 })
      seen.push(...results.items.map((p) => p.id))
    }
    expect(seen).toHaveLength(19)
    expect(new Set(seen).size).toBe(19)
    const tooBig = await anyone.request({
      method: 'GET',
      url: '/api/commerce/shop/products?pageSize=500',
    })
    expect(tooBig.statusCode).toBe(400)
    expect(tooBig.json()).toMatchObject({ errors: [{ field: 'pageSize' }] })
  })

  it('hides drafts and the products of suspended shops, and finds renamed products by their new name', async () => {
    const { logIn } = await catalogApp()
    const anyone = await logIn('store')
    expect(titles(await search(anyone, q('台参')))).toEqual(['台参 五台山党参'])
    expect((await search(anyone, q('台参切片'))).total).toBe(0) // a draft

    const merchant = await logIn('merchant')
    const [product] = (await search(anyone, q('野生台蘑'))).items
    await merchant.request({
      method: 'PATCH',
      url: `/api/commerce/products/${product?.id ?? ''}`,
      payload: { title: '云中仙菇 干货' },
    })
    expect((await search(anyone, q('野生台蘑'))).total).toBe(0)
    expect(titles(await search(anyone, q('云中仙菇')))).toEqual(['云中仙菇 干货'])
    expect(titles(await search(anyone, q('仙菇')))).toEqual(['云中仙菇 干货'])

    const operator = await logIn('operator')
    const [milletShop] = (
      await operator.request({ method: 'GET', url: `/api/commerce/shops?${q('小米')}` })
    ).json<{ items: { id: string }[] }>().items
    const [milletProduct] = (await search(anyone, q('小米'))).items
    await operator.request({
      method: 'POST',
      url: `/api/commerce/shops/${milletShop?.id ?? ''}/review`,
      payload: { decision: 'suspend', note: '食品安全抽检' },
    })
    expect((await search(anyone, q('小米'))).total).toBe(0)
    expect((await search(anyone, '')).total).toBe(12)
    const page = await anyone.request({
      method: 'GET',
      url: `/api/commerce/shop/products/${milletProduct?.id ?? ''}`,
    })
    expect(page.statusCode).toBe(404)
  })

  it('shows a product page with SKUs, producer, origin and brand series, without signing in', async () => {
    const { app } = await catalogApp()
    const list = (
      await app.inject({ method: 'GET', url: `/api/commerce/shop/products?${q('香辣')}` })
    ).json<Results>()
    const res = await app.inject({
      method: 'GET',
      url: `/api/commerce/shop/products/${list.items[0]?.id ?? ''}`,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      title: '五台斋选 台蘑酱 香辣',
      shop: { name: '五台山台蘑合作社旗舰店' },
      producer: '五台山台蘑专业合作社',
      origin: { code: '140971100206', path: ['五台县', '台怀镇', '台怀村委会'] },
      brandSeries: { name: '台蘑酱', brandName: '五台斋选' },
      category: { path: ['调味酱料', '蘑菇酱'] },
      skus: [{ spec: '210g', priceFen: 2980, weightG: 380, active: true }],
      status: 'on_sale',
    })
    const categories = (
      await app.inject({ method: 'GET', url: '/api/commerce/shop/categories' })
    ).json<{ name: string; children: unknown[] }[]>()
    expect(categories.map((c) => c.name)).toContain('山珍菌菇')
  })
})

async function shopIdOf(client: Client, productId: string): Promise<string> {
  const res = await client.request({
    method: 'GET',
    url: `/api/commerce/shop/products/${productId}`,
  })
  return res.json<{ shop: { id: string } }>().shop.id
}

describe('the trigram index', () => {
  it('is what answers words of three or more characters; shorter ones read the search text', async () => {
    const { logIn, db, dialect } = await catalogApp()
    const anyone = await logIn('store')
    if (dialect === 'sqlite') {
      await db.deleteFrom('product_fts').execute()
      expect((await search(anyone, q('台蘑酱'))).total).toBe(0)
      expect((await search(anyone, q('台蘑'))).total).toBeGreaterThan(0)
    } else {
      const { rows } = await sql<{
        indexdef: string
      }>`select indexdef from pg_indexes where indexname = 'product_search_trgm_idx'`.execute(db)
      expect(rows[0]?.indexdef).toContain('gin_trgm_ops')
    }
  })
})
