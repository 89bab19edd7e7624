import { apiClient } from '../../lib/api-client'
import type {
  Brand,
  Category,
  Page,
  PageQuery,
  ProductCard,
  ProductDetail,
  ProductSearchQuery,
} from '../../lib/api-types'

// The storefront's public reads.

const BASE = '/api/commerce/shop'

/** The server's search query; the shop always sends the page, so it is required here. */
export type ProductQuery = ProductSearchQuery & PageQuery

export const searchProducts = (query: ProductQuery, signal?: AbortSignal) =>
  apiClient.get<Page<ProductCard>>(`${BASE}/products`, { ...query }, signal)

export const getProduct = (id: string, signal?: AbortSignal) =>
  apiClient.get<ProductDetail>(`${BASE}/products/${encodeURIComponent(id)}`, undefined, signal)

export const listBrands = (signal?: AbortSignal) =>
  apiClient.get<Brand[]>(`${BASE}/brands`, undefined, signal)

export const listCategories = (signal?: AbortSignal) =>
  apiClient.get<Category[]>(`${BASE}/categories`, undefined, signal)
