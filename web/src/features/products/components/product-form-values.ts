import type { ProductDetail, UpdateProductBody } from '../../../lib/api-types'
import type { ProductFormValues } from './product-fields'

/** The form's values as the API takes them: cleared fields become null, text is trimmed. */
export function toProductBody(values: ProductFormValues) {
  return {
    title: values.title.trim(),
    subtitle: values.subtitle?.trim() ?? '',
    categoryId: values.categoryId,
    brandSeriesId: values.brandSeriesId ?? null,
    originDivisionCode: values.originDivisionCode ?? null,
    producer: values.producer?.trim() ?? '',
    localKind: values.localKind || null,
    descriptionHtml: values.descriptionHtml ?? '',
  } satisfies UpdateProductBody
}

export const toProductFormValues = (product: ProductDetail): ProductFormValues => ({
  title: product.title,
  subtitle: product.subtitle,
  categoryId: product.category.id,
  brandSeriesId: product.brandSeries?.id ?? null,
  originDivisionCode: product.origin?.code ?? null,
  producer: product.producer,
  localKind: product.localKind ?? '',
  descriptionHtml: product.descriptionHtml,
})
