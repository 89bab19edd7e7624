import { ImportOutlined } from '@ant-design/icons'
import { Button, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { StockLevel } from '../../../lib/api-types'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useStock, useStockLocations } from '../api/stock'
import { ReceiveStockModal } from './receive-stock-modal'

/** Stock per SKU and location, and booking goods in. */
export function StockPage() {
  const { t } = useI18n()
  const list = useListParams(['locationId'] as const)
  const stock = useStock(list.filters.locationId)
  const locations = useStockLocations()
  const [receiving, setReceiving] = useState(false)
  const locationOptions = (locations.data ?? []).map((location) => ({
    value: location.id,
    label: `${t(`stock.kind.${location.kind}`)} · ${location.name}`,
  }))

  return (
    <>
      <PageHeader
        title={t('nav.stock')}
        extra={
          <Button
            type="primary"
            icon={<ImportOutlined aria-hidden />}
            disabled={!locations.data}
            onClick={() => setReceiving(true)}
          >
            {t('stock.receive')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('stock.filterLocation')}
          placeholder={t('stock.allLocations')}
          value={list.filters.locationId}
          onChange={(id: string | undefined) => list.setFilter('locationId', id)}
          options={locationOptions}
          style={{ width: 280 }}
        />
      </Space>
      {stock.error ? (
        <LoadErrorResult error={stock.error} onRetry={stock.reload} />
      ) : (
        <Table<StockLevel>
          rowKey={(row) => `${row.skuId}:${row.locationId}`}
          loading={stock.loading}
          dataSource={stock.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('stock.empty')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('stock.product'), dataIndex: 'title' },
            { title: t('stock.sku'), dataIndex: 'spec' },
            { title: t('stock.location'), dataIndex: 'locationName' },
            { title: t('stock.available'), dataIndex: 'available', align: 'right' },
            { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right' },
            { title: t('stock.sold'), dataIndex: 'sold', align: 'right' },
            { title: t('stock.received'), dataIndex: 'received', align: 'right' },
          ]}
        />
      )}
      {receiving && locations.data && (
        <ReceiveStockModal
          locations={locations.data}
          onClose={() => setReceiving(false)}
          onReceived={() => {
            setReceiving(false)
            stock.reload()
          }}
        />
      )}
    </>
  )
}
