import { useSession } from '../../../../lib/session'
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../../components/page-header'
import { LoadErrorResult } from '../../../../components/status-result'
import { TableEmpty } from '../../../../components/table-empty'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { pagePagination } from '../../../../lib/page-pagination'
import { useListParams } from '../../../../lib/use-list-params'
import {
  eventsExcelUrl,
  usePromotionEvents,
  type EventStatus,
  type PromotionEvent,
} from '../../api/events'
import { beijingYear } from '../shared/beijing-time'
import { PromotionStatusTag } from '../shared/promotion-status-tag'
import { ShareLink } from '../shared/share-link'
import { parseStatus, StatusFilter } from '../shared/status-filter'
import { WindowText } from '../shared/window-text'
import { EventCancelModal } from './event-cancel-modal'
import { EventForm } from './event-form'
import { EventResultsModal } from './event-results-modal'

const STATUSES: readonly EventStatus[] = ['planned', 'held', 'cancelled']
const FIRST_YEAR = 2019

type Dialog =
  { kind: 'create' } | { kind: 'edit' | 'results' | 'cancel'; event: PromotionEvent } | undefined

/** 线下活动: the year's offline events, their results and the sheet for the bureau. */
export function EventsPage() {
  const { t } = useI18n()
  const list = useListParams(['year', 'status'] as const)
  const thisYear = beijingYear()
  const year = Number(list.filters.year) || thisYear
  const status = parseStatus(STATUSES, list.filters.status)
  const events = usePromotionEvents({ year, status, page: list.page, pageSize: list.pageSize })
  const [dialog, setDialog] = useState<Dialog>()
  // The bureau reads the events and downloads the sheet; the operator plans and records them.
  const canManage = useSession().can('promotions:manage')
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i)
  const done = () => {
    setDialog(undefined)
    events.reload()
  }

  return (
    <>
      <PageHeader
        title={t('nav.promotionEvents')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined aria-hidden />} href={eventsExcelUrl({ year, status })}>
              {t('report.download')}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setDialog({ kind: 'create' })}
              >
                {t('event.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label={t('event.year')}
          value={year}
          onChange={(next) => list.setFilter('year', String(next))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 110 }}
        />
        <StatusFilter
          statuses={STATUSES}
          value={status}
          onChange={(s) => list.setFilter('status', s)}
        />
      </Space>
      {events.error ? (
        <LoadErrorResult error={events.error} onRetry={events.reload} />
      ) : (
        <Table<PromotionEvent>
          rowKey="id"
          loading={events.loading}
          dataSource={events.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('event.empty')} /> }}
          pagination={pagePagination(events.data, list.setPage, t)}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('promotions.title'), dataIndex: 'title' },
            {
              title: t('event.place'),
              key: 'place',
              render: (_, e) => (
                <>
                  {e.place}
                  <br />
                  <Typography.Text type="secondary">{e.region}</Typography.Text>
                </>
              ),
            },
            {
              title: t('event.time'),
              key: 'time',
              render: (_, e) => <WindowText startsAt={e.startsAt} endsAt={e.endsAt} />,
            },
            {
              title: t('event.products'),
              key: 'products',
              ellipsis: true,
              width: 200,
              render: (_, e) => e.products.map((p) => p.title).join('、') || '—',
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: EventStatus) => <PromotionStatusTag status={s} />,
            },
            { title: t('event.results'), key: 'results', render: (_, e) => resultText(e) },
            {
              title: t('promotions.share'),
              key: 'share',
              render: (_, e) => (
                <Space size={4}>
                  <ShareLink code={e.shareCode} />
                  <Typography.Text type="secondary">
                    {t('event.shareVisits', { visits: e.shareVisits })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, event) =>
                canManage &&
                event.status === 'planned' && (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setDialog({ kind: 'edit', event })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setDialog({ kind: 'results', event })}
                    >
                      {t('event.recordResults')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => setDialog({ kind: 'cancel', event })}
                    >
                      {t('event.cancel')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      {dialog?.kind === 'create' && (
        <EventForm onClose={() => setDialog(undefined)} onSaved={done} />
      )}
      {dialog?.kind === 'edit' && (
        <EventForm event={dialog.event} onClose={() => setDialog(undefined)} onSaved={done} />
      )}
      {dialog?.kind === 'results' && (
        <EventResultsModal
          event={dialog.event}
          onClose={() => setDialog(undefined)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <EventCancelModal event={dialog.event} onClose={() => setDialog(undefined)} onDone={done} />
      )}
    </>
  )

  function resultText(event: PromotionEvent) {
    if (event.status === 'cancelled') return event.cancelReason ?? '—'
    if (event.status !== 'held') return '—'
    return t('event.resultsLine', {
      visitors: event.visitors ?? 0,
      orders: event.ordersCount ?? 0,
      sales: formatYuan(event.salesFen ?? 0),
    })
  }
}
