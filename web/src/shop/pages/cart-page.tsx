import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { ErrorNote, PageTitle } from '../components/page-state'
import { QuantityStepper } from '../components/quantity-stepper'
import { useShopCart } from '../shop-cart'
import { useShopSession } from '../shop-session'

export default function CartPage() {
  const cart = useShopCart()
  const { shopper } = useShopSession()
  const navigate = useNavigate()
  const [error, setError] = useState<unknown>(null)
  const change = (run: Promise<void>) => {
    setError(null)
    run.catch(setError)
  }
  const checkout = () => void navigate(shopper ? '/h5/checkout' : '/h5/login?next=%2Fh5%2Fcheckout')

  if (cart.lines.length === 0)
    return (
      <>
        <PageTitle>购物车</PageTitle>
        <p className="h5-muted h5-center">购物车是空的</p>
        <p className="h5-center">
          <Link to="/h5" className="h5-button">
            去逛逛
          </Link>
        </p>
      </>
    )
  return (
    <>
      <PageTitle>购物车</PageTitle>
      <ErrorNote error={error} />
      <ul className="h5-list" aria-label="购物车商品">
        {cart.lines.map((line) => (
          <li key={line.skuId} className="h5-line" data-testid="cart-line">
            <Link to={`/h5/products/${line.productId}`} className="h5-line-title">
              {line.title}
            </Link>
            <span className="h5-muted">{line.spec}</span>
            {!line.onSale && <span className="h5-error">已下架</span>}
            <span className="h5-price">{formatYuan(line.unitPriceFen)}</span>
            <QuantityStepper
              label={`${line.title}数量`}
              value={line.quantity}
              onChange={(quantity) => change(cart.setQuantity(line, quantity))}
            />
            <button
              type="button"
              className="h5-link-button"
              onClick={() => change(cart.setQuantity(line, 0))}
            >
              删除
            </button>
          </li>
        ))}
      </ul>
      <div className="h5-actions">
        <span className="h5-total">
          合计 <strong className="h5-price">{formatYuan(cart.totalFen)}</strong>
        </span>
        <button type="button" className="h5-button" onClick={checkout}>
          去结算
        </button>
      </div>
    </>
  )
}
