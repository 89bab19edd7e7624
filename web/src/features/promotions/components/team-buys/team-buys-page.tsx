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
  setTeamBuyStatus,
  useTeamBuys,
  type TeamBuy,
  type TeamBuyStatus,
} from '../../api/team-buys'
import { ConfirmButton } from '../shared/confirm-button'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { ShareLink } from '../shared/share-link'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { useAction } from '../shared/use-action'
import { WindowText } from '../shared/window-text'
import { TeamBuyForm } from './team-buy-form'
import { TeamBuyReport } from './team-buy-report'

const STATUSES: readonly TeamBuyStatus[] = ['draft', 'active', 'paused', 'ended']

/** 拼团: activities, their state changes and their report. */
export function TeamBuysPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const activities = useTeamBuys(status)
  const run = useAction(activities.reload)
  const [creating, setCreating] = useState(false)
  const [reporting, setReporting] = useState<TeamBuy>()

  function actions(activity: TeamBuy) {
    const move = (to: 'active' | 'paused' | 'ended') => () =>
      run(() => setTeamBuyStatus(activity.id, to))
    const title = activity.title
    return (
      <Space size={0} wrap>
        {activity.status === 'draft' && (
          <ConfirmButton
            label={t('teamBuy.activate')}
            title={t('teamBuy.confirmActivate', { title })}
            onConfirm={move('active')}
          />
        )}
        {activity.status === 'active' && (
          <ConfirmButton
            label={t('promotions.pause')}
            title={t('promotions.confirmPause', { title })}
            onConfirm={move('paused')}
          />
        )}
        {activity.status === 'paused' && (
          <ConfirmButton
            label={t('promotions.resume')}
            title={t('promotions.confirmResume', { title })}
            onConfirm={move('active')}
          />
        )}
        {(activity.status === 'active' || activity.status === 'paused') && (
          <ConfirmButton
            danger
            label={t('promotions.end')}
            title={t('promotions.confirmEnd', { title })}
            onConfirm={move('ended')}
          />
        )}
        <Button type="link" size="small" onClick={() => setReporting(activity)}>
          {t('promotions.report')}
        </Button>
      </Space>
    )
  }

  return (
    <>
      <PageHeader
        title={t('nav.teamBuys')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('teamBuy.create')}
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
      {activities.error ? (
        <LoadErrorResult error={activities.error} onRetry={activities.reload} />
      ) : (
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
      )}
      {creating && (
        <TeamBuyForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            activities.reload()
          }}
        />
      )}
      {reporting && <TeamBuyReport activity={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
