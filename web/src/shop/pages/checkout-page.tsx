import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom'
import type { CartLine, CheckoutResult } from '../../lib/api-types'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getProduct } from '../api/catalog'
import { checkout } from '../api/orders'
import { DeliveryChoice, type Delivery } from '../components/delivery-choice'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopCart } from '../shop-cart'
import { useShopSession } from '../shop-session'

/** Checks out the cart, or one SKU with "立即购买" (?product=&sku=&qty=). */
export default function CheckoutPage() {
  const { shopper } = useShopSession()
  const [params] = useSearchParams()
  const here = `/h5/checkout?${params.toString()}`
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return <Navigate to={`/h5/login?next=${encodeURIComponent(here)}`} replace />
  return (
    <BuyNowOrCart
      productId={params.get('product')}
      skuId={params.get('sku')}
      qty={params.get('qty')}
    />
  )
}

function BuyNowOrCart(props: {
  productId: string | null
  skuId: string | null
  qty: string | null
}) {
  const cart = useShopCart()
  const { productId, skuId } = props
  const product = useRequest(
    (signal) => (productId ? getProduct(productId, signal) : Promise.resolve(null)),
    productId ?? 'cart',
  )
  if (!productId || !skuId) return <CheckoutForm lines={cart.lines} fromCart />
  if (product.error) return <ErrorNote error={product.error} />
  const sku = product.data?.skus.find((s) => s.id === skuId)
  if (!product.data || !sku) return <Loading />
  const line: CartLine = {
    skuId,
    productId,
    title: product.data.title,
    spec: sku.spec,
    unitPriceFen: sku.priceFen,
    quantity: Math.max(1, Number(props.qty) || 1),
    onSale: true,
  }
  return <CheckoutForm lines={[line]} fromCart={false} />
}

function CheckoutForm({ lines, fromCart }: { lines: CartLine[]; fromCart: boolean }) {
  const navigate = useNavigate()
  const cart = useShopCart()
  const [delivery, setDelivery] = useState<Delivery>({ kind: 'store_pickup', targetId: null })
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const itemsFen = lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await checkout({
        items: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
        delivery: delivery.kind,
        ...(delivery.kind === 'home'
          ? { addressId: delivery.targetId ?? undefined }
          : { pickupLocationId: delivery.targetId ?? undefined }),
        ...(note.trim() ? { note: note.trim() } : {}),
        fromCart,
      })
      setSubmitted(true) // the emptied cart must not send the buyer back to it
      if (fromCart) cart.reload()
      void navigate(nextAfterCheckout(result))
    } catch (reason) {
      setError(reason)
      setBusy(false)
    }
  }

  if (lines.length === 0 && !submitted) return <Navigate to="/h5/cart" replace />
  return (
    <div className="h5-form h5-pad">
      <PageTitle>确认订单</PageTitle>
      <ul className="h5-list" aria-label="订单商品">
        {lines.map((line) => (
          <li key={line.skuId} className="h5-line">
            <span className="h5-line-title">{line.title}</span>
            <span className="h5-muted">
              {line.spec} × {line.quantity}
            </span>
            <span className="h5-price">{formatYuan(line.unitPriceFen * line.quantity)}</span>
          </li>
        ))}
      </ul>
      <DeliveryChoice value={delivery} onChange={setDelivery} />
      <label className="h5-field">
        备注（选填）
        <input maxLength={200} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <ErrorNote error={error} />
      <div className="h5-actions">
        <span className="h5-total">
          商品合计 <strong className="h5-price">{formatYuan(itemsFen)}</strong>
        </span>
        <button
          type="button"
          className="h5-button"
          disabled={busy || delivery.targetId === null}
          onClick={() => void submit()}
        >
          提交订单
        </button>
      </div>
    </div>
  )
}

/** To the pay page, which returns to the order afterwards; without a pay link, to the order. */
function nextAfterCheckout(result: CheckoutResult): string {
  const orderPath =
    result.orders.length === 1 && result.orders[0] ? `/h5/orders/${result.orders[0].id}` : '/h5/me'
  if (result.action?.kind !== 'redirect') return orderPath
  const separator = result.action.url.includes('?') ? '&' : '?'
  return `${result.action.url}${separator}next=${encodeURIComponent(orderPath)}`
}
