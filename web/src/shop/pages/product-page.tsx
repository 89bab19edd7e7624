import { useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router-dom'
import type { ProductDetail } from '../../lib/api-types'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getProduct } from '../api/catalog'
import { ErrorNote, Loading } from '../components/page-state'
import { BargainBulkEntries } from '../components/bargain-entry'
import { QuantityStepper } from '../components/quantity-stepper'
import { TeamBuyPanel } from '../components/team-buy-panel'
import { useShopCart } from '../shop-cart'

export default function ProductPage() {
  const { id = '' } = useParams()
  const product = useRequest((signal) => getProduct(id, signal), id)
  if (product.error) return <ErrorNote error={product.error} />
  if (!product.data) return <Loading />
  return <ProductView key={product.data.id} product={product.data} />
}

function ProductView({ product }: { product: ProductDetail }) {
  const skus = product.skus.filter((sku) => sku.active)
  const [skuId, setSkuId] = useState(skus[0]?.id ?? '')
  const [quantity, setQuantity] = useState(1)
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const cart = useShopCart()
  const navigate = useNavigate()
  const sku = skus.find((s) => s.id === skuId)
  const [params] = useSearchParams()

  const addToCart = async () => {
    if (!sku) return
    setError(null)
    try {
      await cart.add({
        skuId: sku.id,
        productId: product.id,
        title: product.title,
        spec: sku.spec,
        unitPriceFen: sku.priceFen,
        quantity,
        onSale: true,
      })
      setNote('已加入购物车')
    } catch (reason) {
      setError(reason)
    }
  }
  const buyNow = () => {
    if (sku) void navigate(`/h5/checkout?sku=${sku.id}&product=${product.id}&qty=${quantity}`)
  }

  return (
    <article className="h5-product">
      <div className="h5-gallery">
        {product.images.length === 0 && (
          <span className="h5-gallery-placeholder" aria-hidden>
            {product.title.slice(0, 4)}
          </span>
        )}
        {product.images.map((image, index) => (
          // Square slides (aspect-ratio in shop.css) as wide as the shop's column (at most 640 px).
          <img
            key={image.id}
            src={image.url}
            srcSet={image.srcset || undefined}
            sizes="(min-width: 640px) 640px, 100vw"
            alt={`${product.title} 图${index + 1}`}
            width={image.width ?? 375}
            height={image.height ?? 375}
            loading={index === 0 ? 'eager' : 'lazy'}
            decoding="async"
          />
        ))}
      </div>
      <div className="h5-pad">
        <p className="h5-price h5-price-large">{sku ? formatYuan(sku.priceFen) : '暂无报价'}</p>
        <h1 className="h5-title">{product.title}</h1>
        {product.subtitle && <p className="h5-muted">{product.subtitle}</p>}
        <dl className="h5-facts">
          {product.brandSeries && (
            <>
              <dt>品牌系列</dt>
              <dd>
                {product.brandSeries.brandName} · {product.brandSeries.name}
              </dd>
            </>
          )}
          {product.producer && (
            <>
              <dt>生产者</dt>
              <dd>{product.producer}</dd>
            </>
          )}
          {product.origin && (
            <>
              <dt>产地</dt>
              <dd>{product.origin.path.join(' › ')}</dd>
            </>
          )}
          <dt>店铺</dt>
          <dd>{product.shop.name}</dd>
          <dt>已售</dt>
          <dd>{product.salesCount}</dd>
        </dl>
        <TeamBuyPanel productId={product.id} share={params.get('share')} />
        <BargainBulkEntries productId={product.id} />
        <fieldset className="h5-options">
          <legend>规格</legend>
          {skus.map((option) => (
            <label key={option.id} className="h5-option">
              <input
                type="radio"
                name="sku"
                value={option.id}
                checked={option.id === skuId}
                onChange={() => setSkuId(option.id)}
              />
              {option.spec} {formatYuan(option.priceFen)}
            </label>
          ))}
        </fieldset>
        <QuantityStepper label="购买数量" value={quantity} onChange={setQuantity} />
        <ErrorNote error={error} />
        {note && (
          <p className="h5-note" role="status">
            {note}
          </p>
        )}
        {/* Sanitized by the server (rich-text.ts) before it was stored. */}
        <div
          className="h5-description"
          dangerouslySetInnerHTML={{ __html: product.descriptionHtml }}
        />
      </div>
      <div className="h5-actions">
        <button
          type="button"
          className="h5-button h5-button-ghost"
          disabled={!sku}
          onClick={() => void addToCart()}
        >
          加入购物车
        </button>
        <button type="button" className="h5-button" disabled={!sku} onClick={buyNow}>
          立即购买
        </button>
      </div>
    </article>
  )
}
