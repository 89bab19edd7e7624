import { Link } from 'react-router-dom'
import type { ProductCard } from '../../lib/api-types'
import { formatYuan } from '../../lib/format'

const LOCAL_KIND = { fresh: '本地生鲜', specialty: '本地特色' } as const

/** One product in a list: small image sized for a phone, title, price, origin. */
export function ProductTile({ product }: { product: ProductCard }) {
  return (
    <li className="h5-tile">
      <Link to={`/h5/products/${product.id}`} className="h5-tile-link">
        {product.imageUrl ? (
          // A 96 px square (object-fit: cover): the browser picks the width for the screen's density.
          <img
            src={product.imageUrl}
            srcSet={product.imageSrcset || undefined}
            sizes="96px"
            alt=""
            width={96}
            height={96}
            loading="lazy"
            decoding="async"
            className="h5-tile-image"
          />
        ) : (
          <span className="h5-tile-image h5-tile-placeholder" aria-hidden>
            {product.title.slice(0, 2)}
          </span>
        )}
        <span className="h5-tile-text">
          <span className="h5-tile-title">{product.title}</span>
          <span className="h5-muted">{product.subtitle}</span>
          <span className="h5-tile-meta">
            {product.minPriceFen !== null && (
              <span className="h5-price">{formatYuan(product.minPriceFen)}</span>
            )}
            {product.localKind && <span className="h5-tag">{LOCAL_KIND[product.localKind]}</span>}
            {product.originName && <span className="h5-muted">{product.originName}</span>}
          </span>
        </span>
      </Link>
    </li>
  )
}
