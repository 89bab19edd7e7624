import { apiClient } from '../../lib/api-client'
import type { Brand, Category, Page, ProductCard, ProductDetail } from '../../lib/api-types'

// The storefront's public reads.

const BASE = '/api/commerce/shop'

export interface ProductQuery {
  q?: string
  categoryId?: string
  sort?: 'relevance' | 'sales' | 'price_asc' | 'price_desc' | 'newest'
  page: number
  pageSize: number
}

export const searchProducts = (query: ProductQuery, signal?: AbortSignal) =>
  apiClient.get<Page<ProductCard>>(`${BASE}/products`, { ...query }, signal)

export const getProduct = (id: string, signal?: AbortSignal) =>
  apiClient.get<ProductDetail>(`${BASE}/products/${encodeURIComponent(id)}`, undefined, signal)

export const listBrands = (signal?: AbortSignal) =>
  apiClient.get<Brand[]>(`${BASE}/brands`, undefined, signal)

export const listCategories = (signal?: AbortSignal) =>
  apiClient.get<Category[]>(`${BASE}/categories`, undefined, signal)
