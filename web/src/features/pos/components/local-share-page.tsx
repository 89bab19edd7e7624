import { DatePicker, Space, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import { formatYuan, shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useRequest } from '../../../lib/use-request'
import { getStoreLocalShares, type StoreLocalShare } from '../api/pos'

const DAY = 'YYYY-MM-DD'

/** "12.3 %": local over sales, rounded to a tenth of a percent for display only. */
export function formatShare(localFen: number, salesFen: number): string {
  if (salesFen === 0) return '—'
  const perMille = Math.round((localFen * 1000) / salesFen)
  return `${Math.trunc(perMille / 10)}.${perMille % 10} %`
}

/** KPI-5: the share of local products in each O2O store's sales (target ≥ 80 %). */
export function LocalSharePage() {
  const { t } = useI18n()
  const today = shanghaiDay()
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`)
  const [to, setTo] = useState(today)
  const rows = useRequest((signal) => getStoreLocalShares(from, to, signal), `${from}:${to}`)

  return (
    <>
      <PageHeader title={t('nav.localShare')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t('localShare.dates')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) {
              setFrom(range[0].format(DAY))
              setTo(range[1].format(DAY))
            }
          }}
        />
      </Space>
      {rows.error ? (
        <LoadErrorResult error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<StoreLocalShare>
          rowKey="locationId"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={false}
          locale={{ emptyText: <TableEmpty description={t('localShare.empty')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('localShare.store'), dataIndex: 'storeName' },
            {
              title: t('localShare.sales'),
              dataIndex: 'salesFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t('localShare.local'),
              dataIndex: 'localFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t('localShare.share'),
              key: 'share',
              align: 'right',
              render: (_, row) => formatShare(row.localFen, row.salesFen),
            },
            {
              title: t('localShare.target'),
              key: 'target',
              render: (_, row) =>
                row.meetsTarget === null ? (
                  <Tag>{t('localShare.noSales')}</Tag>
                ) : row.meetsTarget ? (
                  <Tag color="success">{t('localShare.met')}</Tag>
                ) : (
                  <Tag color="error">{t('localShare.missed')}</Tag>
                ),
            },
          ]}
        />
      )}
    </>
  )
}
