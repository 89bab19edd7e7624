import { Table } from 'antd'
import { useState } from 'react'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useListParams } from '../../../../lib/use-list-params'
import {
  setBargainStatus,
  useBargains,
  type BargainActivity,
  type BargainActivityStatus,
} from '../../api/bargains'
import { PromotionListFrame } from '../shared/promotion-list-frame'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { end, pause, resume, StatusActions, type StatusMove } from '../shared/status-actions'
import { useAction } from '../shared/use-action'
import { usePromotionForm } from '../shared/use-promotion-form'
import { WindowText } from '../shared/window-text'
import { BargainForm } from './bargain-form'
import { BargainReport } from './bargain-report'

const STATUSES: readonly BargainActivityStatus[] = ['active', 'paused', 'ended']

const MOVES: Record<BargainActivityStatus, readonly StatusMove<BargainActivityStatus>[]> = {
  active: [pause('paused'), end('ended')],
  paused: [resume('active'), end('ended')],
  ended: [],
}

/** No bargain can have been launched yet: the window is still ahead and it was not ended. */
const editable = (activity: BargainActivity) =>
  activity.status !== 'ended' && Date.parse(activity.startsAt) > Date.now()

/** 砍价: activities, pausing and resuming them, and their report. */
export function BargainsPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const activities = useBargains(status)
  const run = useAction(activities.reload)
  const form = usePromotionForm<BargainActivity>()
  const [reporting, setReporting] = useState<BargainActivity>()

  const actions = (activity: BargainActivity) => (
    <StatusActions
      title={activity.title}
      moves={MOVES[activity.status]}
      onMove={(to) => run(() => setBargainStatus(activity.id, to))}
      onEdit={editable(activity) ? () => form.edit(activity) : undefined}
      onReport={() => setReporting(activity)}
    />
  )

  return (
    <>
      <PromotionListFrame
        title={t('nav.bargains')}
        createLabel={t('bargain.create')}
        onCreate={form.create}
        filter={
          <StatusFilter
            statuses={STATUSES}
            value={status}
            onChange={(s) => list.setFilter('status', s)}
          />
        }
        error={activities.error}
        onRetry={activities.reload}
      >
        <Table<BargainActivity>
          rowKey="id"
          loading={activities.loading}
          dataSource={activities.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('bargain.empty')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('promotions.title'), dataIndex: 'title' },
            {
              title: t('bargain.originalPrice'),
              dataIndex: 'originalPriceFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            {
              title: t('bargain.floorPrice'),
              dataIndex: 'floorPriceFen',
              align: 'right',
              render: (fen: number) => formatYuan(fen),
            },
            { title: t('bargain.helpersNeeded'), dataIndex: 'helpersNeeded', align: 'right' },
            {
              title: t('promotions.stockLeft'),
              key: 'stock',
              align: 'right',
              render: (_, a) => `${a.stock - a.stockTaken} / ${a.stock}`,
            },
            {
              title: t('promotions.window'),
              key: 'window',
              render: (_, a) => <WindowText startsAt={a.startsAt} endsAt={a.endsAt} />,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: BargainActivityStatus) => <PromotionStatusTag status={s} />,
            },
            { title: t('common.actions'), key: 'actions', render: (_, a) => actions(a) },
          ]}
        />
      </PromotionListFrame>
      {form.open && (
        <BargainForm
          activity={form.editing}
          onClose={form.close}
          onSaved={() => {
            form.close()
            activities.reload()
          }}
        />
      )}
      {reporting && <BargainReport activity={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
