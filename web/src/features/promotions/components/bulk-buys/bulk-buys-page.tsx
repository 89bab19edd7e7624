import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../../components/page-header'
import { LoadErrorResult } from '../../../../components/status-result'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useListParams } from '../../../../lib/use-list-params'
import {
  setBulkBuyStatus,
  useBulkBuys,
  type BulkBuy,
  type BulkBuyStatus,
} from '../../api/bulk-buys'
import { ConfirmButton } from '../shared/confirm-button'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { useAction } from '../shared/use-action'
import { WindowText } from '../shared/window-text'
import { BulkBuyForm } from './bulk-buy-form'
import { BulkBuyReport } from './bulk-buy-report'

const STATUSES: readonly BulkBuyStatus[] = ['draft', 'open', 'paused', 'settled', 'failed']

/** 团购: campaigns with their price ladders, opening, pausing and resuming, and their report. */
export function BulkBuysPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const campaigns = useBulkBuys(status)
  const run = useAction(campaigns.reload)
  const [creating, setCreating] = useState(false)
  const [reporting, setReporting] = useState<BulkBuy>()

  function actions(campaign: BulkBuy) {
    const title = campaign.title
    const move = (to: 'open' | 'paused') => () => run(() => setBulkBuyStatus(campaign.id, to))
    return (
      <Space size={0} wrap>
        {campaign.status === 'draft' && (
          <ConfirmButton
            label={t('bulkBuy.openDraft')}
            title={t('bulkBuy.confirmOpen', { title })}
            onConfirm={move('open')}
          />
        )}
        {campaign.status === 'open' && (
          <ConfirmButton
            label={t('promotions.pause')}
            title={t('promotions.confirmPause', { title })}
            onConfirm={move('paused')}
          />
        )}
        {campaign.status === 'paused' && (
          <ConfirmButton
            label={t('promotions.resume')}
            title={t('promotions.confirmResume', { title })}
            onConfirm={move('open')}
          />
        )}
        <Button type="link" size="small" onClick={() => setReporting(campaign)}>
          {t('promotions.report')}
        </Button>
      </Space>
    )
  }

  return (
    <>
      <PageHeader
        title={t('nav.bulkBuys')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('bulkBuy.create')}
          </Button>
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <StatusFilter
          statuses={STATUSES}
          value={status}
          onChange={(s) => list.setFilter('status', s)}
        />
      </Space>
      {campaigns.error ? (
        <LoadErrorResult error={campaigns.error} onRetry={campaigns.reload} />
      ) : (
        <Table<BulkBuy>
          rowKey="id"
          loading={campaigns.loading}
          dataSource={campaigns.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('bulkBuy.empty')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('promotions.title'), dataIndex: 'title' },
            {
              title: t('bulkBuy.ladder'),
              key: 'ladder',
              render: (_, c) =>
                c.ladder.map((tier) => (
                  <div key={tier.minQuantity}>
                    ≥ {tier.minQuantity} · {formatYuan(tier.priceFen)}
                  </div>
                )),
            },
            {
              title: t('bulkBuy.paidQuantity'),
              key: 'progress',
              align: 'right',
              render: (_, c) => `${c.paidQuantity} / ${c.minQuantity}–${c.cap}`,
            },
            {
              title: t('promotions.window'),
              key: 'window',
              render: (_, c) => <WindowText startsAt={c.startsAt} endsAt={c.endsAt} />,
            },
            {
              title: t('bulkBuy.pickupDate'),
              dataIndex: 'pickupDate',
              render: (day: string | null) => day ?? '—',
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: BulkBuyStatus) => <PromotionStatusTag status={s} />,
            },
            { title: t('common.actions'), key: 'actions', render: (_, c) => actions(c) },
          ]}
        />
      )}
      {creating && (
        <BulkBuyForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            campaigns.reload()
          }}
        />
      )}
      {reporting && <BulkBuyReport campaign={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
