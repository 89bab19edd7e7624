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
  moveFlashSale,
  useFlashSales,
  type FlashSaleMove,
  type FlashSession,
  type FlashSessionStatus,
} from '../../api/flash-sales'
import { ConfirmButton } from '../shared/confirm-button'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { useAction } from '../shared/use-action'
import { WindowText } from '../shared/window-text'
import { FlashSaleForm } from './flash-sale-form'
import { FlashSaleReport } from './flash-sale-report'

const STATUSES: readonly FlashSessionStatus[] = ['draft', 'scheduled', 'paused', 'ended']

/** 限时秒杀: sessions, scheduling and pausing them, and their report. */
export function FlashSalesPage() {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = parseStatus(STATUSES, list.filters.status)
  const sessions = useFlashSales(status)
  const run = useAction(sessions.reload)
  const [creating, setCreating] = useState(false)
  const [reporting, setReporting] = useState<FlashSession>()

  function actions(session: FlashSession) {
    const title = session.title
    const move = (to: FlashSaleMove) => () => run(() => moveFlashSale(session.id, to))
    return (
      <Space size={0} wrap>
        {session.status === 'draft' && (
          <ConfirmButton
            label={t('flashSale.schedule')}
            title={t('flashSale.confirmSchedule', { title })}
            onConfirm={move('schedule')}
          />
        )}
        {session.status === 'scheduled' && (
          <ConfirmButton
            label={t('promotions.pause')}
            title={t('promotions.confirmPause', { title })}
            onConfirm={move('pause')}
          />
        )}
        {session.status === 'paused' && (
          <ConfirmButton
            label={t('promotions.resume')}
            title={t('promotions.confirmResume', { title })}
            onConfirm={move('resume')}
          />
        )}
        {(session.status === 'scheduled' || session.status === 'paused') && (
          <ConfirmButton
            danger
            label={t('promotions.end')}
            title={t('promotions.confirmEnd', { title })}
            onConfirm={move('end')}
          />
        )}
        <Button type="link" size="small" onClick={() => setReporting(session)}>
          {t('promotions.report')}
        </Button>
      </Space>
    )
  }

  return (
    <>
      <PageHeader
        title={t('nav.flashSales')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('flashSale.create')}
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
      {sessions.error ? (
        <LoadErrorResult error={sessions.error} onRetry={sessions.reload} />
      ) : (
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
      )}
      {creating && (
        <FlashSaleForm
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false)
            sessions.reload()
          }}
        />
      )}
      {reporting && <FlashSaleReport session={reporting} onClose={() => setReporting(undefined)} />}
    </>
  )
}
