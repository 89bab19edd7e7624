import { Button, Select, Space } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { pagePagination } from '../../../lib/page-pagination'
import { useListParams } from '../../../lib/use-list-params'
import {
  AFTER_SALE_STATUSES,
  useAfterSales,
  type AfterSale,
  type AfterSaleStatus,
} from '../api/after-sales'
import { AfterSaleDrawer } from './after-sale-drawer'
import { AfterSalesTable } from './after-sales-table'
import { DECISION_LABEL, DecisionModal, type Decider, type Decision } from './decision-modal'

/**
 * A list of after-sales requests with a status filter (kept in the URL, `all` when absent
 * unless the page opens on a queue) and the request's drawer; `canDecide` says on which
 * requests this user may act, as `decider`.
 */
export function AfterSalesQueue({
  title,
  decider,
  canDecide,
  opensOn,
  emptyText,
}: {
  title: MessageKey
  decider: Decider
  canDecide: (request: AfterSale) => boolean
  opensOn?: AfterSaleStatus
  emptyText: (status: AfterSaleStatus | 'all') => MessageKey
}) {
  const { t } = useI18n()
  const list = useListParams(['status'] as const)
  const status = (list.filters.status ?? opensOn ?? 'all') as AfterSaleStatus | 'all'
  const requests = useAfterSales({
    page: list.page,
    pageSize: list.pageSize,
    status: status === 'all' ? undefined : status,
  })
  const [open, setOpen] = useState<AfterSale | null>(null)
  const [decision, setDecision] = useState<Decision | null>(null)

  return (
    <>
      <PageHeader title={t(title)} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<AfterSaleStatus | 'all'>
          aria-label={t('common.status')}
          value={status}
          onChange={(value) => list.setFilter('status', value)}
          options={[
            { value: 'all', label: t('common.all') },
            ...AFTER_SALE_STATUSES.map((value) => ({
              value,
              label: t(`afterSale.status.${value}`),
            })),
          ]}
          style={{ width: 180 }}
        />
      </Space>
      {requests.error ? (
        <LoadErrorResult error={requests.error} onRetry={requests.reload} />
      ) : (
        <AfterSalesTable
          items={requests.data?.items ?? []}
          loading={requests.loading}
          pagination={pagePagination(requests.data, list.setPage, t)}
          emptyText={t(emptyText(status))}
          onOpen={setOpen}
        />
      )}
      {open && (
        <AfterSaleDrawer
          request={open}
          onClose={() => setOpen(null)}
          actions={
            canDecide(open) && (
              <Space>
                <Button danger onClick={() => setDecision('reject')}>
                  {t(DECISION_LABEL[decider].reject)}
                </Button>
                <Button type="primary" onClick={() => setDecision('approve')}>
                  {t(DECISION_LABEL[decider].approve)}
                </Button>
              </Space>
            )
          }
        />
      )}
      {open && decision && (
        <DecisionModal
          request={open}
          decider={decider}
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={() => {
            setDecision(null)
            setOpen(null)
            requests.reload()
          }}
        />
      )}
    </>
  )
}
