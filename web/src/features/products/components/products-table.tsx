import { Button, Space, Table, Tag } from 'antd'
import { TableEmpty } from '../../../components/table-empty'
import type { Page, ProductCard, ProductStatus } from '../../../lib/api-types'
import { formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { ProductStatusTag } from './product-status-tag'
import { pagePagination } from '../../../lib/page-pagination'

interface ProductsTableProps {
  page: Page<ProductCard> | undefined
  loading: boolean
  onPage: (page: number, pageSize: number) => void
  onEdit: (product: ProductCard) => void
  onStatus: (product: ProductCard, status: ProductStatus) => void
}

export function ProductsTable({ page, loading, onPage, onEdit, onStatus }: ProductsTableProps) {
  const { t } = useI18n()
  return (
    <Table<ProductCard>
      rowKey="id"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: <TableEmpty description={t('product.empty')} /> }}
      scroll={{ x: 'max-content' }}
      pagination={pagePagination(page, onPage, t)}
      columns={[
        {
          title: t('product.title'),
          dataIndex: 'title',
          render: (title: string, product) => (
            <>
              {title}{' '}
              {product.localKind && <Tag>{t(`product.localKind.${product.localKind}`)}</Tag>}
            </>
          ),
        },
        { title: t('product.shop'), dataIndex: 'shopName' },
        {
          title: t('product.origin'),
          dataIndex: 'originName',
          render: (name: string | null) => name ?? t('common.none'),
        },
        {
          title: t('product.price'),
          dataIndex: 'minPriceFen',
          render: (fen: number | null) => (fen === null ? t('common.none') : formatYuan(fen)),
        },
        { title: t('product.sales'), dataIndex: 'salesCount' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (status: ProductStatus) => <ProductStatusTag status={status} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, product) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onEdit(product)}>
                {t('common.edit')}
              </Button>
              {product.status === 'on_sale' ? (
                <Button type="link" size="small" onClick={() => onStatus(product, 'off_sale')}>
                  {t('product.takeOffSale')}
                </Button>
              ) : (
                <Button type="link" size="small" onClick={() => onStatus(product, 'on_sale')}>
                  {t('product.putOnSale')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  )
}
