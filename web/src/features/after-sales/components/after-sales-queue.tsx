import { App, Button, Popconfirm, Select, Space } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { pagePagination } from '../../../lib/page-pagination'
import { useListParams } from '../../../lib/use-list-params'
import { errorMessage } from '../../../lib/error-message'
import {
  AFTER_SALE_STATUSES,
  receiveReturn,
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
  const { message } = App.useApp()
  // 退货退款: the merchant confirms the goods are back, and the approved amount is refunded.
  const confirmReturn = async (request: AfterSale) => {
    try {
      await receiveReturn(request.id)
      void message.success(t('afterSale.done'))
      setOpen(null)
      requests.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

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
            decider === 'respond' && open.status === 'returning' ? (
              <Popconfirm
                title={t('afterSale.receiveReturnConfirm')}
                onConfirm={() => void confirmReturn(open)}
              >
                <Button type="primary">{t('afterSale.receiveReturn')}</Button>
              </Popconfirm>
            ) : (
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
