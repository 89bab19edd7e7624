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
  setBargainStatus,
  useBargains,
  type BargainActivity,
  type BargainActivityStatus,
} from '../../api/bargains'
import { ConfirmButton } from '../shared/confirm-button'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { useAction } from '../shared/use-action'
import { WindowText } from '../shared/window-text'
import { BargainForm } from './bargain-form'
import { BargainReport } from './bargain-report'

const STATUSES: readonly BargainActivityStatus[] = ['active', 'paused', 'ended']

/** 砍价: activities, pausing and resuming them, and their report. */
export function BargainsPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const activities = useBargains(status)
  const run = useAction(activities.reload)
  const [creating, setCreating] = useState(false)
  const [reporting, setReporting] = useState<BargainActivity>()

  function actions(activity: BargainActivity) {
    const title = activity.title
    const move = (to: BargainActivityStatus) => () => run(() => setBargainStatus(activity.id, to))
    return (
      <Space size={0} wrap>
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
        {activity.status !== 'ended' && (
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
        title={t('nav.bargains')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('bargain.create')}
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
      )}
      {creating && (
        <BargainForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            activities.reload()
          }}
        />
      )}
      {reporting && <BargainReport activity={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
