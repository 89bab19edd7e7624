import { apiClient } from '../../../lib/api-client'
import type {
  CreateProductBody,
  MerchantProductQuery,
  Page,
  ProductCard,
  ProductDetail,
  ProductImage,
  ProductStatus,
  SkuInput,
  UpdateProductBody,
  UpdateSkuBody,
} from '../../../lib/api-types'
import { useRequest } from '../../../lib/use-request'

const BASE = '/api/commerce/products'

export function useProducts(query: MerchantProductQuery) {
  return useRequest(
    (signal) => apiClient.get<Page<ProductCard>>(BASE, { ...query }, signal),
    JSON.stringify(query),
  )
}

export function getProduct(id: string, signal?: AbortSignal): Promise<ProductDetail> {
  return apiClient.get<ProductDetail>(`${BASE}/${id}`, undefined, signal)
}

export function createProduct(body: CreateProductBody): Promise<ProductDetail> {
  return apiClient.post<ProductDetail>(BASE, body)
}

export function updateProduct(id: string, body: UpdateProductBody): Promise<ProductDetail> {
  return apiClient.patch<ProductDetail>(`${BASE}/${id}`, body)
}

/** On sale is refused (409) unless the shop is approved, a SKU is priced and any licence valid. */
export function setProductStatus(id: string, status: ProductStatus): Promise<ProductDetail> {
  return apiClient.put<ProductDetail>(`${BASE}/${id}/status`, { status })
}

export function addSku(productId: string, body: SkuInput): Promise<ProductDetail> {
  return apiClient.post<ProductDetail>(`${BASE}/${productId}/skus`, body)
}

export function updateSku(
  productId: string,
  skuId: string,
  body: UpdateSkuBody,
): Promise<ProductDetail> {
  return apiClient.patch<ProductDetail>(`${BASE}/${productId}/skus/${skuId}`, body)
}

export function uploadProductImage(productId: string, file: Blob): Promise<ProductImage> {
  const form = new FormData()
  form.append('file', file)
  return apiClient.postForm<ProductImage>(`${BASE}/${productId}/images`, form)
}

export function deleteProductImage(productId: string, imageId: string): Promise<undefined> {
  return apiClient.delete(`${BASE}/${productId}/images/${imageId}`)
}
