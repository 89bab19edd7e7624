import { apiClient } from '../../../lib/api-client'
import type { Brand, Category, Shop } from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

/** What the product form picks from: categories, the brand's series and the merchant's shops. */
export interface CatalogOptions {
  categories: Category[]
  brands: Brand[]
  shops: Shop[]
}

export function useCatalogOptions() {
  return useRequest<CatalogOptions>(async (signal) => {
    const [categories, brands, shops] = await Promise.all([
      apiClient.get<Category[]>('/api/commerce/shop/categories', undefined, signal),
      apiClient.get<Brand[]>('/api/commerce/shop/brands', undefined, signal),
      apiClient.get<Shop[]>('/api/commerce/my-shops', undefined, signal),
    ])
    return { categories, brands, shops }
  }, '')
}
