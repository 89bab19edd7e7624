import { Type } from 'typebox'

// The product title and SKU name (spec) a promotion sells, so a buyer sees what is on offer
// without a second request to the catalogue.

export const SkuLabelFields = {
  productId: Type.String(),
  productTitle: Type.String(),
  spec: Type.String({ description: 'the SKU name, e.g. 500g 袋装' }),
}

export interface SkuLabel {
  productId: string
  productTitle: string
  spec: string
}
