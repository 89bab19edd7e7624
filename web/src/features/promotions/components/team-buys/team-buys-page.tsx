import { Table } from 'antd'
import { useState } from 'react'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useListParams } from '../../../../lib/use-list-params'
import {
  setTeamBuyStatus,
  useTeamBuys,
  type TeamBuy,
  type TeamBuyStatus,
} from '../../api/team-buys'
import { PromotionListFrame } from '../shared/promotion-list-frame'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { ShareLink } from '../shared/share-link'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { end, pause, resume, StatusActions, type StatusMove } from '../shared/status-actions'
import { useAction } from '../shared/use-action'
import { usePromotionForm } from '../shared/use-promotion-form'
import { WindowText } from '../shared/window-text'
import { TeamBuyForm } from './team-buy-form'
import { TeamBuyReport } from './team-buy-report'

const STATUSES: readonly TeamBuyStatus[] = ['draft', 'active', 'paused', 'ended']

const MOVES: Record<TeamBuyStatus, readonly StatusMove<'active' | 'paused' | 'ended'>[]> = {
  draft: [{ label: 'teamBuy.activate', confirm: 'teamBuy.confirmActivate', to: 'active' }],
  active: [pause('paused'), end('ended')],
  paused: [resume('active'), end('ended')],
  ended: [],
}

/** Buyers see fixed terms: a running activity is paused before it is changed. */
const editable = (activity: TeamBuy) => activity.status === 'draft' || activity.status === 'paused'

/** 拼团: activities, their state changes and their report. */
export function TeamBuysPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const activities = useTeamBuys(status)
  const run = useAction(activities.reload)
  const form = usePromotionForm<TeamBuy>()
  const [reporting, setReporting] = useState<TeamBuy>()

  const actions = (activity: TeamBuy) => (
    <StatusActions
      title={activity.title}
      moves={MOVES[activity.status]}
      onMove={(to) => run(() => setTeamBuyStatus(activity.id, to))}
      onEdit={editable(activity) ? () => form.edit(activity) : undefined}
      onReport={() => setReporting(activity)}
    />
  )

  return (
    <>
      <PromotionListFrame
        title={t('nav.teamBuys')}
        createLabel={t('teamBuy.create')}
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
        <Table<TeamBuy>
          rowKey="id"
          loading={activities.loading}
          dataSource={activities.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('teamBuy.empty')} /> }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('promotions.title'), dataIndex: 'title' },
            {
              title: t('promotions.product'),
              key: 'product',
              render: (_, a) => `${a.productTitle} · ${a.spec}`,
            },
            {
              title: t('teamBuy.teamPrice'),
              key: 'price',
              align: 'right',
              render: (_, a) =>
                `${formatYuan(a.teamPriceFen)}（${t('teamBuy.soloPrice')} ${formatYuan(a.soloPriceFen)}）`,
            },
            { title: t('teamBuy.teamSize'), dataIndex: 'teamSize', align: 'right' },
            {
              title: t('promotions.stockLeft'),
              key: 'stock',
              align: 'right',
              render: (_, a) => `${a.stockLeft} / ${a.stock}`,
            },
            {
              title: t('promotions.window'),
              key: 'window',
              render: (_, a) => <WindowText startsAt={a.startsAt} endsAt={a.endsAt} />,
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: TeamBuyStatus) => <PromotionStatusTag status={s} />,
            },
            {
              title: t('promotions.share'),
              dataIndex: 'shareCode',
              render: (code: string | null) => <ShareLink code={code} />,
            },
            { title: t('common.actions'), key: 'actions', render: (_, a) => actions(a) },
          ]}
        />
      </PromotionListFrame>
      {form.open && (
        <TeamBuyForm
          activity={form.editing}
          onClose={form.close}
          onSaved={() => {
            form.close()
            activities.reload()
          }}
        />
      )}
      {reporting && <TeamBuyReport activity={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
