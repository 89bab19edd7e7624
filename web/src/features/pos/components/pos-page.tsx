import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  InputNumber,
  Radio,
  Select,
  Spin,
  Table,
  Typography,
} from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { Order, Sku } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useRequest } from '../../../lib/use-request'
import {
  PAID_WITH,
  findMyStores,
  getOnSaleProduct,
  recordCounterSale,
  searchOnSale,
  type PaidWith,
} from '../api/pos'

/** A store clerk sells from the store's shelf, paid at the counter. */
export function PosPage() {
  const { t } = useI18n()
  const { me } = useSession()
  const stores = useRequest(
    (signal) => findMyStores(me.memberships, signal),
    me.memberships.map((m) => m.organizationId).join(','),
  )
  const [chosenId, setChosenId] = useState<string | null>(null)

  if (stores.error) return <LoadErrorResult error={stores.error} onRetry={stores.reload} />
  if (!stores.data) return <Spin />
  const locationId = chosenId ?? stores.data[0]?.id
  if (!locationId) return <Empty description={t('pos.noStore')} />
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('nav.pos')} />
      <Select
        aria-label={t('pos.store')}
        value={locationId}
        onChange={setChosenId}
        options={stores.data.map((store) => ({ value: store.id, label: store.name }))}
        style={{ maxWidth: 480 }}
      />
      <Counter key={locationId} locationId={locationId} />
    </Flex>
  )
}

interface CartLine {
  skuId: string
  title: string
  spec: string
  priceFen: number
  quantity: number
}

function Counter({ locationId }: { locationId: string }) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const products = useRequest((signal) => searchOnSale(query, signal), query)
  const [productId, setProductId] = useState<string | null>(null)
  const product = useRequest(
    (signal) => (productId ? getOnSaleProduct(productId, signal) : Promise.resolve(null)),
    productId ?? '',
  )
  const [cart, setCart] = useState<CartLine[]>([])
  const [paidWith, setPaidWith] = useState<PaidWith>('cash')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ orders: Order[] } | { error: string } | null>(null)
  // Integer fen all the way: price × quantity summed, never through floats of yuan.
  const totalFen = cart.reduce((sum, line) => sum + line.priceFen * line.quantity, 0)

  function add(title: string, sku: Sku) {
    setOutcome(null)
    setCart((lines) =>
      lines.some((line) => line.skuId === sku.id)
        ? lines.map((line) =>
            line.skuId === sku.id ? { ...line, quantity: Math.min(line.quantity + 1, 999) } : line,
          )
        : [...lines, { skuId: sku.id, title, spec: sku.spec, priceFen: sku.priceFen, quantity: 1 }],
    )
  }

  function setQuantity(skuId: string, quantity: number) {
    setCart((lines) => lines.map((line) => (line.skuId === skuId ? { ...line, quantity } : line)))
  }

  async function confirm() {
    setBusy(true)
    try {
      const orders = await recordCounterSale({
        locationId,
        items: cart.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
        paidWith,
      })
      setOutcome({ orders })
      setCart([])
      setPaidWith('cash')
    } catch (error) {
      // 409: not enough on the shelf — the server names the item.
      setOutcome({ error: errorMessage(error, t) })
    } finally {
      setBusy(false)
    }
  }

  // useRequest keeps the last answer while the next loads: show only the chosen product's SKUs.
  const chosen = product.data?.id === productId ? product.data : null
  const skus = chosen?.skus.filter((sku) => sku.active) ?? []
  return (
    <Flex gap={16} wrap align="flex-start">
      <Card title={t('pos.shelf')} style={{ flex: '1 1 360px' }}>
        <Flex vertical gap={12}>
          <Select
            aria-label={t('pos.product')}
            placeholder={t('pos.productPlaceholder')}
            showSearch={{ filterOption: false, onSearch: setQuery }}
            loading={products.loading}
            value={productId}
            onChange={setProductId}
            options={(products.data?.items ?? []).map((card) => ({
              value: card.id,
              label: `${card.title} · ${card.shopName}`,
            }))}
          />
          {product.error !== null && (
            <LoadErrorResult error={product.error} onRetry={product.reload} />
          )}
          {chosen && (
            <Flex gap={8} wrap>
              {skus.map((sku) => (
                <Button
                  key={sku.id}
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add(chosen.title, sku)}
                >
                  {t('pos.add', { spec: sku.spec, price: formatYuan(sku.priceFen) })}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      </Card>
      <Card title={t('pos.cart')} style={{ flex: '1 1 420px' }}>
        <Flex vertical gap={12}>
          <Table<CartLine>
            size="small"
            rowKey="skuId"
            pagination={false}
            dataSource={cart}
            locale={{ emptyText: t('pos.cartEmpty') }}
            columns={[
              { title: t('stock.product'), dataIndex: 'title' },
              { title: t('stock.sku'), dataIndex: 'spec' },
              {
                title: t('pos.price'),
                dataIndex: 'priceFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('stock.quantity'),
                key: 'quantity',
                render: (_, line) => (
                  <InputNumber
                    size="small"
                    aria-label={t('pos.quantityOf', { title: line.title })}
                    min={1}
                    max={999}
                    precision={0}
                    value={line.quantity}
                    onChange={(value) => value !== null && setQuantity(line.skuId, value)}
                  />
                ),
              },
              {
                title: t('pos.subtotal'),
                key: 'subtotal',
                align: 'right',
                render: (_, line) => formatYuan(line.priceFen * line.quantity),
              },
              {
                key: 'remove',
                render: (_, line) => (
                  <Button
                    size="small"
                    type="text"
                    aria-label={t('pos.remove', { title: line.title })}
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => setCart((lines) => lines.filter((l) => l.skuId !== line.skuId))}
                  />
                ),
              },
            ]}
          />
          <Typography.Title level={4} data-testid="pos-total" style={{ margin: 0 }}>
            {t('pos.total', { total: formatYuan(totalFen) })}
          </Typography.Title>
          <Radio.Group
            aria-label={t('pos.paidWith')}
            value={paidWith}
            onChange={(event) => setPaidWith(event.target.value as PaidWith)}
            optionType="button"
            options={PAID_WITH.map((method) => ({
              value: method,
              label: t(`pos.paidWith.${method}`),
            }))}
          />
          <Button
            type="primary"
            size="large"
            loading={busy}
            disabled={cart.length === 0}
            onClick={() => void confirm()}
          >
            {t('pos.confirm')}
          </Button>
          {outcome && 'error' in outcome && (
            <Alert type="error" role="alert" showIcon title={outcome.error} />
          )}
          {outcome && 'orders' in outcome && <Sold orders={outcome.orders} />}
        </Flex>
      </Card>
    </Flex>
  )
}

function Sold({ orders }: { orders: Order[] }) {
  const { t } = useI18n()
  const totalFen = orders.reduce((sum, order) => sum + order.totalFen, 0)
  return (
    <Alert
      type="success"
      role="status"
      showIcon
      data-testid="pos-sold"
      title={t('pos.sold', { total: formatYuan(totalFen) })}
      description={orders.map((order) => `${order.orderNo} · ${order.shopName}`).join('；')}
    />
  )
}
