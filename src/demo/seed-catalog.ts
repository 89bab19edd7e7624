import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import type { Db } from '../db/database.js'
import { refreshSearchText, type LocalKind } from '../modules/commerce/index.js'
import { nowIso } from '../shared/clock.js'
import { newId } from '../shared/ids.js'

// The H5 shop's demo catalog (BR-1, MKT-1): the county brand 五台斋选 with its four series,
// the demo merchants' approved shops, licences, and products made from the Wutai specialty
// list (source/products.csv). Prices are plausible retail prices in fen, not market data.

const PRODUCTS_CSV = new URL('./wutai/source/products.csv', import.meta.url)

/** The specialty list's Chinese one-liners, by product name. */
function specialtyDescriptions(): Map<string, string> {
  const rows = parse<{ name: string; description_zh: string }>(readFileSync(PRODUCTS_CSV, 'utf8'), {
    columns: true,
  })
  return new Map(rows.map((r) => [r.name, r.description_zh]))
}

const CATEGORIES: Record<string, readonly string[]> = {
  粮油米面: ['小米杂粮', '莜面面粉'],
  山珍菌菇: ['鲜蘑菇', '干货菌菇'],
  调味酱料: ['蘑菇酱'],
  茶饮冲调: ['代用茶'],
  休闲零食: ['蘑菇脆片'],
  滋补养生: ['党参'],
  文创手作: ['木器'],
}

const SERIES = ['台蘑酱', '佛地黄小米', '素茶', '蘑菇片'] as const
type Series = (typeof SERIES)[number]

interface DemoSku {
  spec: string
  unit: string
  yuan: number
  weightG: number
  volumeCm3: number
}
interface DemoProduct {
  shop: 'taimo' | 'millet' | 'enterprise'
  /** Which line of products.csv the description comes from. */
  specialty: string
  category: string
  series?: Series
  title: string
  subtitle: string
  origin: string
  producer: string
  localKind: LocalKind | null
  sales: number
  skus: DemoSku[]
  draft?: boolean
}

const sku = (spec: string, unit: string, yuan: number, weightG: number, volumeCm3: number) => ({
  spec,
  unit,
  yuan,
  weightG,
  volumeCm3,
})

// Villages: 台怀镇 台怀村 140971100206, 杨林村 …205, 光明寺村 …202, 新坊村 …207;
// 豆村镇 佛光村 140922103208, 豆村 …201; 台城镇 台城村 140922100201.
const PRODUCTS: DemoProduct[] = [
  {
    shop: 'taimo',
    specialty: '台蘑',
    category: '干货菌菇',
    title: '五台山野生台蘑 干货',
    subtitle: '台顶草甸蘑菇圈采集，晾晒干制',
    origin: '140971100206',
    producer: '五台山台蘑专业合作社',
    localKind: 'specialty',
    sales: 1260,
    skus: [sku('100g', '袋', 68, 130, 2000), sku('250g', '罐', 158, 420, 3500)],
  },
  {
    shop: 'taimo',
    specialty: '台蘑',
    category: '鲜蘑菇',
    title: '鲜台蘑 当季采摘',
    subtitle: '立秋至白露采集旺季，冷链发货',
    origin: '140971100205',
    producer: '杨林村采菇队',
    localKind: 'fresh',
    sales: 342,
    skus: [sku('500g', '盒', 98, 650, 3000)],
  },
  {
    shop: 'taimo',
    specialty: '台蘑酱',
    category: '蘑菇酱',
    series: '台蘑酱',
    title: '五台斋选 台蘑酱 原味',
    subtitle: '拌面拌饭，佐餐佳品',
    origin: '140971100206',
    producer: '五台山台蘑专业合作社',
    localKind: 'specialty',
    sales: 2890,
    skus: [sku('210g', '瓶', 29.8, 380, 600), sku('210g×3瓶', '组', 79.8, 1150, 1900)],
  },
  {
    shop: 'taimo',
    specialty: '台蘑酱',
    category: '蘑菇酱',
    series: '台蘑酱',
    title: '五台斋选 台蘑酱 香辣',
    subtitle: '微辣开胃',
    origin: '140971100206',
    producer: '五台山台蘑专业合作社',
    localKind: 'specialty',
    sales: 1730,
    skus: [sku('210g', '瓶', 29.8, 380, 600)],
  },
  {
    shop: 'taimo',
    specialty: '蘑菇片',
    category: '蘑菇脆片',
    series: '蘑菇片',
    title: '五台斋选 香酥蘑菇片',
    subtitle: '低温真空油浴，酥脆不腻',
    origin: '140971100205',
    producer: '五台山台蘑专业合作社',
    localKind: 'specialty',
    sales: 980,
    skus: [sku('60g', '袋', 19.9, 90, 1800), sku('60g×5袋', '组', 89, 460, 9000)],
  },
  {
    shop: 'taimo',
    specialty: '蘑菇片',
    category: '干货菌菇',
    title: '台蘑干片 烘干切片',
    subtitle: '煲汤炖肉，泡发即用',
    origin: '140971100202',
    producer: '五台山台蘑专业合作社',
    localKind: 'specialty',
    sales: 415,
    skus: [sku('150g', '袋', 38, 200, 2500)],
  },
  {
    shop: 'taimo',
    specialty: '台参',
    category: '党参',
    title: '台参 五台山党参',
    subtitle: '药食同源，煲汤泡水',
    origin: '140971100202',
    producer: '光明寺村种植户',
    localKind: 'specialty',
    sales: 208,
    skus: [sku('250g', '盒', 128, 350, 2400)],
  },
  {
    shop: 'taimo',
    specialty: '台参',
    category: '党参',
    title: '台参切片',
    subtitle: '新品筹备中',
    origin: '140971100202',
    producer: '光明寺村种植户',
    localKind: 'specialty',
    sales: 0,
    skus: [sku('100g', '袋', 58, 130, 800)],
    draft: true,
  },
  {
    shop: 'millet',
    specialty: '五台黄小米',
    category: '小米杂粮',
    series: '佛地黄小米',
    title: '五台斋选 佛地黄小米',
    subtitle: '丘陵旱地谷子，熬粥米油厚',
    origin: '140922103208',
    producer: '五台县黄小米种植专业合作社',
    localKind: 'specialty',
    sales: 3560,
    skus: [sku('2.5kg', '袋', 59.8, 2600, 4000), sku('5kg', '袋', 108, 5150, 7800)],
  },
  {
    shop: 'millet',
    specialty: '五台黄小米',
    category: '小米杂粮',
    series: '佛地黄小米',
    title: '佛地黄小米 礼盒装',
    subtitle: '500g×6罐，节日送礼',
    origin: '140922103208',
    producer: '五台县黄小米种植专业合作社',
    localKind: 'specialty',
    sales: 640,
    skus: [sku('500g×6罐', '盒', 128, 3400, 9000)],
  },
  {
    shop: 'millet',
    specialty: '五台黄小米',
    category: '小米杂粮',
    title: '五台黄小米 当季新米',
    subtitle: '散装称重，农家直供',
    origin: '140922103201',
    producer: '豆村种植户',
    localKind: 'fresh',
    sales: 1890,
    skus: [sku('2.5kg', '袋', 39.8, 2550, 4000)],
  },
  {
    shop: 'millet',
    specialty: '莜麦/莜面',
    category: '莜面面粉',
    title: '五台莜面 石磨莜麦面粉',
    subtitle: '做莜面窝窝、莜面鱼鱼',
    origin: '140971100206',
    producer: '五台县黄小米种植专业合作社',
    localKind: 'specialty',
    sales: 760,
    skus: [sku('2.5kg', '袋', 35.8, 2550, 4000)],
  },
  {
    shop: 'millet',
    specialty: '莜麦/莜面',
    category: '小米杂粮',
    title: '莜麦米 高原裸燕麦',
    subtitle: '粗粮主食，饱腹耐饿',
    origin: '140971100205',
    producer: '五台县黄小米种植专业合作社',
    localKind: 'specialty',
    sales: 305,
    skus: [sku('1kg', '袋', 18.8, 1030, 1600)],
  },
  {
    shop: 'millet',
    specialty: '莜麦/莜面',
    category: '莜面面粉',
    title: '鲜莜面鱼鱼',
    subtitle: '当天手搓，冷藏发货',
    origin: '140922100201',
    producer: '台城村莜面作坊',
    localKind: 'fresh',
    sales: 520,
    skus: [sku('500g', '袋', 15.8, 550, 900)],
  },
  {
    shop: 'millet',
    specialty: '五台黄小米',
    category: '小米杂粮',
    title: '五台杂粮组合 小米莜麦',
    subtitle: '黄小米、莜麦米各 1kg',
    origin: '140922103208',
    producer: '五台县黄小米种植专业合作社',
    localKind: 'specialty',
    sales: 188,
    skus: [sku('2kg', '盒', 99, 2200, 4500)],
  },
  {
    shop: 'enterprise',
    specialty: '素茶',
    category: '代用茶',
    series: '素茶',
    title: '五台斋选 素茶',
    subtitle: '五台山素斋文化 · 花草代用茶',
    origin: '140971100206',
    producer: '五台县台山农产品加工有限公司',
    localKind: 'specialty',
    sales: 870,
    skus: [sku('80g', '罐', 68, 220, 900)],
  },
  {
    shop: 'enterprise',
    specialty: '素茶',
    category: '代用茶',
    series: '素茶',
    title: '五台斋选 素茶 礼盒',
    subtitle: '80g×2罐，配茶具',
    origin: '140971100206',
    producer: '五台县台山农产品加工有限公司',
    localKind: 'specialty',
    sales: 260,
    skus: [sku('80g×2罐', '盒', 158, 900, 4000)],
  },
  {
    shop: 'enterprise',
    specialty: '蘑菇片',
    category: '蘑菇脆片',
    series: '蘑菇片',
    title: '五台斋选 蘑菇脆片 分享装',
    subtitle: '35g×10袋，办公室零食',
    origin: '140971100205',
    producer: '五台县台山农产品加工有限公司',
    localKind: 'specialty',
    sales: 1120,
    skus: [sku('35g×10袋', '箱', 59.9, 520, 12000)],
  },
  {
    shop: 'enterprise',
    specialty: '台蘑酱',
    category: '蘑菇酱',
    series: '台蘑酱',
    title: '台蘑拌面酱 家庭装',
    subtitle: '大瓶实惠',
    origin: '140922100201',
    producer: '五台县台山农产品加工有限公司',
    localKind: 'specialty',
    sales: 455,
    skus: [sku('500g', '瓶', 49.8, 800, 1100)],
  },
  {
    shop: 'enterprise',
    specialty: '五台山木碗',
    category: '木器',
    title: '五台山手工木碗',
    subtitle: '台怀镇老手艺，整木旋制',
    origin: '140971100207',
    producer: '新坊村木器作坊',
    localKind: null,
    sales: 96,
    skus: [sku('单只', '只', 88, 300, 1500), sku('对碗', '对', 168, 620, 3000)],
  },
]

const SHOPS = {
  taimo: { name: '五台山台蘑合作社旗舰店', intro: '台顶野生台蘑，合作社直供。' },
  millet: { name: '佛地黄小米专营店', intro: '豆村镇丘陵旱地黄小米与杂粮。' },
  enterprise: { name: '台山农产品官方店', intro: '五台斋选授权加工企业：素茶、酱料、零食。' },
} as const

/** Licensed series per shop; the enterprise holds the whole brand. */
const LICENSES: Record<keyof typeof SHOPS, readonly Series[] | 'all'> = {
  taimo: ['台蘑酱', '蘑菇片'],
  millet: ['佛地黄小米'],
  enterprise: 'all',
}

/** Loads the catalog for the demo organizations (organization key → id). */
export async function seedCatalog(
  db: Db,
  organizationIds: ReadonlyMap<string, string>,
): Promise<{ products: number }> {
  const now = nowIso()
  const categoryIds = await seedCategories(db, now)
  const brandId = newId()
  await db
    .insertInto('brand')
    .values({
      id: brandId,
      name: '五台斋选',
      story: '五台县公共区域品牌：五台山下的台蘑、黄小米与素斋文化，选自合作社和本地企业。',
      created_at: now,
      updated_at: now,
    })
    .execute()
  const seriesIds = new Map<Series, string>()
  for (const [order, name] of SERIES.entries()) {
    const id = newId()
    seriesIds.set(name, id)
    // A millisecond apart, so the series list in the order the brand names them.
    const createdAt = new Date(Date.parse(now) + order).toISOString()
    await db
      .insertInto('brand_series')
      .values({
        id,
        brand_id: brandId,
        name,
        description: `五台斋选·${name}`,
        created_at: createdAt,
        updated_at: createdAt,
      })
      .execute()
  }
  const shopIds = new Map<string, string>()
  for (const [key, shop] of Object.entries(SHOPS)) {
    const organizationId = organizationIds.get(key) ?? ''
    const shopId = newId()
    shopIds.set(key, shopId)
    await db
      .insertInto('shop')
      .values({
        id: shopId,
        organization_id: organizationId,
        ...shop,
        status: 'approved',
        review_note: null,
        reviewed_by: null,
        reviewed_at: now,
        applied_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const licensed = LICENSES[key as keyof typeof SHOPS]
    for (const series of licensed === 'all' ? [null] : licensed)
      await db
        .insertInto('brand_license')
        .values({
          id: newId(),
          brand_id: brandId,
          series_id: series === null ? null : (seriesIds.get(series) ?? null),
          organization_id: organizationId,
          valid_from: '2026-01-01',
          valid_to: '2028-12-31',
          revoked_at: null,
          revoked_reason: null,
          granted_by: null,
          created_at: now,
        })
        .execute()
  }
  const descriptions = specialtyDescriptions()
  const productIds: string[] = []
  for (const [index, product] of PRODUCTS.entries()) {
    const id = newId()
    productIds.push(id)
    // Newest first in the list: each product was published an hour before the one above it.
    const publishedAt = new Date(Date.now() - index * 3600_000).toISOString()
    await db
      .insertInto('product')
      .values({
        id,
        shop_id: shopIds.get(product.shop) ?? '',
        category_id: categoryIds.get(product.category) ?? '',
        brand_series_id: product.series ? (seriesIds.get(product.series) ?? null) : null,
        title: product.title,
        subtitle: product.subtitle,
        description_html: `<p>${descriptions.get(product.specialty) ?? ''}</p>`,
        origin_division_code: product.origin,
        producer: product.producer,
        local_kind: product.localKind,
        status: product.draft ? 'draft' : 'on_sale',
        sales_count: product.sales,
        min_price_fen: Math.min(...product.skus.map((s) => Math.round(s.yuan * 100))),
        search_text: '',
        published_at: product.draft ? null : publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt,
      })
      .execute()
    await db
      .insertInto('sku')
      .values(
        product.skus.map((s, position) => ({
          id: newId(),
          product_id: id,
          spec: s.spec,
          unit: s.unit,
          price_fen: Math.round(s.yuan * 100),
          weight_g: s.weightG,
          volume_cm3: s.volumeCm3,
          barcode: null,
          active: 1,
          position,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
  }
  await refreshSearchText(db, { productIds })
  return { products: PRODUCTS.length }
}

async function seedCategories(db: Db, now: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const [order, [top, children]] of Object.entries(CATEGORIES).entries()) {
    const topId = newId()
    ids.set(top, topId)
    await db
      .insertInto('product_category')
      .values({ id: topId, parent_id: null, name: top, sort_order: order, created_at: now })
      .execute()
    for (const [childOrder, child] of children.entries()) {
      const childId = newId()
      ids.set(child, childId)
      await db
        .insertInto('product_category')
        .values({
          id: childId,
          parent_id: topId,
          name: child,
          sort_order: childOrder,
          created_at: now,
        })
        .execute()
    }
  }
  return ids
}
