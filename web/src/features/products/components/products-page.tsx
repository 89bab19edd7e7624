import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import type { ProductCard, ProductStatus } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useCatalogOptions } from '../api/catalog-options'
import { setProductStatus, useProducts } from '../api/products'
import { CreateProductDrawer } from './create-product-drawer'
import { EditProductDrawer } from './edit-product-drawer'
import { ProductsTable } from './products-table'

const STATUSES: ProductStatus[] = ['draft', 'on_sale', 'off_sale']

type Dialog = { action: 'create' } | { action: 'edit'; productId: string }

/** A merchant's products: search, filter by status, create, edit, put on and take off sale. */
export function ProductsPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const list = useListParams(['q', 'status'] as const)
  const products = useProducts({
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    status: list.filters.status as ProductStatus | undefined,
  })
  const options = useCatalogOptions()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const canCreate = options.data?.shops.some((shop) => shop.status === 'approved') ?? false

  async function changeStatus(product: ProductCard, status: ProductStatus) {
    try {
      await setProductStatus(product.id, status)
      void message.success(t('product.statusChanged'))
      products.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <>
      <PageHeader
        title={t('nav.products')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            disabled={!canCreate}
            onClick={() => setDialog({ action: 'create' })}
          >
            {t('product.create')}
          </Button>
        }
      />
      {options.data && !canCreate && (
        <Alert type="info" showIcon title={t('product.noShop')} style={{ marginBottom: 16 }} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          defaultValue={list.filters.q}
          allowClear
          placeholder={t('product.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={(value) => list.setFilter('q', value.trim() || undefined)}
          style={{ width: 280 }}
        />
        <Select<ProductStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={list.filters.status as ProductStatus | undefined}
          onChange={(status) => list.setFilter('status', status)}
          options={STATUSES.map((status) => ({
            value: status,
            label: t(`product.status.${status}`),
          }))}
          style={{ width: 160 }}
        />
      </Space>
      {products.error ? (
        <LoadErrorResult error={products.error} onRetry={products.reload} />
      ) : (
        <ProductsTable
          page={products.data}
          loading={products.loading}
          onPage={list.setPage}
          onEdit={(product) => setDialog({ action: 'edit', productId: product.id })}
          onStatus={(product, status) => void changeStatus(product, status)}
        />
      )}
      {dialog?.action === 'create' && options.data && (
        <CreateProductDrawer
          options={options.data}
          onClose={() => setDialog(null)}
          onCreated={(product) => {
            products.reload()
            setDialog({ action: 'edit', productId: product.id })
          }}
        />
      )}
      {dialog?.action === 'edit' && options.data && (
        <EditProductDrawer
          productId={dialog.productId}
          options={options.data}
          onClose={() => setDialog(null)}
          onChanged={products.reload}
        />
      )}
    </>
  )
}
