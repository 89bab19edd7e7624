import { Table } from 'antd'
import { useState } from 'react'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useListParams } from '../../../../lib/use-list-params'
import {
  moveFlashSale,
  useFlashSales,
  type FlashSaleMove,
  type FlashSession,
  type FlashSessionStatus,
} from '../../api/flash-sales'
import { PromotionListFrame } from '../shared/promotion-list-frame'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { end, pause, resume, StatusActions, type StatusMove } from '../shared/status-actions'
import { useAction } from '../shared/use-action'
import { usePromotionForm } from '../shared/use-promotion-form'
import { WindowText } from '../shared/window-text'
import { FlashSaleForm } from './flash-sale-form'
import { FlashSaleReport } from './flash-sale-report'

const STATUSES: readonly FlashSessionStatus[] = ['draft', 'scheduled', 'paused', 'ended']

const MOVES: Record<FlashSessionStatus, readonly StatusMove<FlashSaleMove>[]> = {
  draft: [{ label: 'flashSale.schedule', confirm: 'flashSale.confirmSchedule', to: 'schedule' }],
  scheduled: [pause('pause'), end('end')],
  paused: [resume('resume'), end('end')],
  ended: [],
}

/** Only a draft: once scheduled, buyers may already be waiting for it. */
const editable = (session: FlashSession) => session.status === 'draft'

/** 限时秒杀: sessions, scheduling and pausing them, and their report. */
export function FlashSalesPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const sessions = useFlashSales(status)
  const run = useAction(sessions.reload)
  const form = usePromotionForm<FlashSession>()
  const [reporting, setReporting] = useState<FlashSession>()

  const actions = (session: FlashSession) => (
    <StatusActions
      title={session.title}
      moves={MOVES[session.status]}
      onMove={(to) => run(() => moveFlashSale(session.id, to))}
      onEdit={editable(session) ? () => form.edit(session) : undefined}
      onReport={() => setReporting(session)}
    />
  )

  return (
    <>
      <PromotionListFrame
        title={t('nav.flashSales')}
        createLabel={t('flashSale.create')}
        onCreate={form.create}
        filter={
          <StatusFilter
            statuses={STATUSES}
            value={status}
            onChange={(s) => list.setFilter('status', s)}
          />
        }
        error={sessions.error}
        onRetry={sessions.reload}
      >
        <Table<FlashSession>
          rowKey="id"
          loading={sessions.loading}
          dataSource={sessions.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('flashSale.empty')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('promotions.title'), dataIndex: 'title' },
            {
              title: t('promotions.window'),
              key: 'window',
              render: (_, s) => <WindowText startsAt={s.startsAt} endsAt={s.endsAt} />,
            },
            {
              title: t('flashSale.skus'),
              key: 'skus',
              render: (_, s) =>
                s.skus.map((sku) => (
                  <div key={sku.skuId}>
                    {sku.title} · {sku.spec} · {formatYuan(sku.salePriceFen)}（
                    {t('flashSale.normalPrice')} {formatYuan(sku.priceFen)}）· {sku.stockLeft}/
                    {sku.stockTotal}
                  </div>
                )),
            },
            { title: t('flashSale.perUserLimit'), dataIndex: 'perUserLimit', align: 'right' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: FlashSessionStatus) => <PromotionStatusTag status={s} />,
            },
            { title: t('common.actions'), key: 'actions', render: (_, s) => actions(s) },
          ]}
        />
      </PromotionListFrame>
      {form.open && (
        <FlashSaleForm
          session={form.editing}
          onClose={form.close}
          onSaved={() => {
            form.close()
            sessions.reload()
          }}
        />
      )}
      {reporting && <FlashSaleReport session={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
