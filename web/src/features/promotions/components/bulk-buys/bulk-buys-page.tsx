import { Table } from 'antd'
import { useState } from 'react'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useListParams } from '../../../../lib/use-list-params'
import {
  closeBulkBuyNow,
  setBulkBuyStatus,
  useBulkBuys,
  type BulkBuy,
  type BulkBuyStatus,
} from '../../api/bulk-buys'
import { PromotionListFrame } from '../shared/promotion-list-frame'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { pause, resume, StatusActions, type StatusMove } from '../shared/status-actions'
import { useAction } from '../shared/use-action'
import { usePromotionForm } from '../shared/use-promotion-form'
import { WindowText } from '../shared/window-text'
import { BulkBuyForm } from './bulk-buy-form'
import { BulkBuyReport } from './bulk-buy-report'

const STATUSES: readonly BulkBuyStatus[] = ['draft', 'open', 'paused', 'settled', 'failed']

const closeNow: StatusMove<'closed'> = {
  label: 'bulkBuy.closeNow',
  confirm: 'bulkBuy.confirmClose',
  danger: true,
  to: 'closed',
}

const MOVES: Record<BulkBuyStatus, readonly StatusMove<'open' | 'paused' | 'closed'>[]> = {
  draft: [{ label: 'bulkBuy.openDraft', confirm: 'bulkBuy.confirmOpen', to: 'open' }],
  open: [pause('paused'), closeNow],
  paused: [resume('open'), closeNow],
  settled: [],
  failed: [],
}

/** No buyer can have joined yet: a draft, or open with its window still ahead. */
const editable = (campaign: BulkBuy) =>
  campaign.status === 'draft' ||
  (campaign.status === 'open' && Date.parse(campaign.startsAt) > Date.now())

/** 团购: campaigns with their price ladders; opening, pausing, resuming, ending early; the report. */
export function BulkBuysPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const campaigns = useBulkBuys(status)
  const run = useAction(campaigns.reload)
  const form = usePromotionForm<BulkBuy>()
  const [reporting, setReporting] = useState<BulkBuy>()

  const actions = (campaign: BulkBuy) => (
    <StatusActions
      title={campaign.title}
      moves={MOVES[campaign.status]}
      onMove={(to) =>
        run(() =>
          to === 'closed' ? closeBulkBuyNow(campaign.id) : setBulkBuyStatus(campaign.id, to),
        )
      }
      onEdit={editable(campaign) ? () => form.edit(campaign) : undefined}
      onReport={() => setReporting(campaign)}
    />
  )

  return (
    <>
      <PromotionListFrame
        title={t('nav.bulkBuys')}
        createLabel={t('bulkBuy.create')}
        onCreate={form.create}
        filter={
          <StatusFilter
            statuses={STATUSES}
            value={status}
            onChange={(s) => list.setFilter('status', s)}
          />
        }
        error={campaigns.error}
        onRetry={campaigns.reload}
      >
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
      </PromotionListFrame>
      {form.open && (
        <BulkBuyForm
          campaign={form.editing}
          onClose={form.close}
          onSaved={() => {
            form.close()
            campaigns.reload()
          }}
        />
      )}
      {reporting && <BulkBuyReport campaign={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
