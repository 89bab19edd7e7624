import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { ProductDetail, Sku } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { updateSku } from '../api/products'
import { SkuModal } from './sku-modal'

/** A product's SKUs: add, edit, retire (never delete: orders point at them) and activate. */
export function SkuTable({
  product,
  onChanged,
}: {
  product: ProductDetail
  onChanged: (product: ProductDetail) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [editing, setEditing] = useState<Sku | 'new' | null>(null)

  async function setActive(sku: Sku, active: boolean) {
    try {
      onChanged(await updateSku(product.id, sku.id, { active }))
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <>
      <Table<Sku>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={product.skus}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('sku.spec'),
            dataIndex: 'spec',
            render: (spec: string, sku) => (
              <>
                {spec} {!sku.active && <Tag>{t('sku.retired')}</Tag>}
              </>
            ),
          },
          { title: t('sku.unit'), dataIndex: 'unit' },
          {
            title: t('product.price'),
            dataIndex: 'priceFen',
            render: (fen: number) => formatYuan(fen),
          },
          { title: t('sku.weightG'), dataIndex: 'weightG' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, sku) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(sku)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => void setActive(sku, !sku.active)}>
                  {sku.active ? t('sku.retire') : t('sku.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined aria-hidden />}
        style={{ marginTop: 8 }}
        onClick={() => setEditing('new')}
      >
        {t('sku.add')}
      </Button>
      {editing && (
        <SkuModal
          productId={product.id}
          sku={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null)
            onChanged(saved)
          }}
        />
      )}
    </>
  )
}
