import { Button, Input, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { Shop, ShopStatus } from '../../../lib/api-types'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useShops } from '../api/shops'
import { ReviewShopModal, type ReviewDecision } from './review-shop-modal'
import { ShopStatusTag } from './shop-status-tag'
import { pagePagination } from '../../../lib/page-pagination'

const STATUSES: ShopStatus[] = ['pending', 'approved', 'rejected', 'suspended']

/** What the operator may decide in each state. */
const DECISIONS: Record<ShopStatus, ReviewDecision[]> = {
  pending: ['approve', 'reject'],
  approved: ['suspend'],
  suspended: ['reinstate'],
  rejected: [],
}

/** The operator's queue of shop applications (pending first) and the shops it suspends. */
export function ShopReviewPage() {
  const { t, language } = useI18n()
  const list = useListParams(['status', 'q'] as const)
  // The page opens on the queue of applications; "all" shows every shop.
  const status = (list.filters.status ?? 'pending') as ShopStatus | 'all'
  const shops = useShops({
    page: list.page,
    pageSize: list.pageSize,
    q: list.filters.q,
    status: status === 'all' ? undefined : status,
  })
  const [dialog, setDialog] = useState<{ shop: Shop; decision: ReviewDecision } | null>(null)

  return (
    <>
      <PageHeader title={t('nav.shopReview')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          defaultValue={list.filters.q}
          allowClear
          placeholder={t('shop.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={(value) => list.setFilter('q', value.trim() || undefined)}
          style={{ width: 280 }}
        />
        <Select<ShopStatus | 'all'>
          aria-label={t('common.status')}
          value={status}
          onChange={(value) => list.setFilter('status', value)}
          options={[
            { value: 'all', label: t('common.all') },
            ...STATUSES.map((value) => ({ value, label: t(`shop.status.${value}`) })),
          ]}
          style={{ width: 160 }}
        />
      </Space>
      {shops.error ? (
        <LoadErrorResult error={shops.error} onRetry={shops.reload} />
      ) : (
        <Table<Shop>
          rowKey="id"
          loading={shops.loading}
          dataSource={shops.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('shop.empty')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={pagePagination(shops.data, list.setPage, t)}
          columns={[
            { title: t('shop.name'), dataIndex: 'name' },
            { title: t('shop.organization'), dataIndex: 'organizationName' },
            { title: t('shop.intro'), dataIndex: 'intro', ellipsis: true, width: 260 },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (status: ShopStatus) => <ShopStatusTag status={status} />,
            },
            {
              title: t('shop.appliedAt'),
              dataIndex: 'appliedAt',
              render: (at: string) => formatDateTime(at, language),
            },
            {
              title: t('shop.reviewNote'),
              dataIndex: 'reviewNote',
              render: (note: string | null) => note ?? t('common.none'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, shop) => (
                <Space size={0}>
                  {DECISIONS[shop.status].map((decision) => (
                    <Button
                      key={decision}
                      type="link"
                      size="small"
                      danger={decision === 'reject' || decision === 'suspend'}
                      onClick={() => setDialog({ shop, decision })}
                    >
                      {t(`shop.decision.${decision}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {dialog && (
        <ReviewShopModal
          shop={dialog.shop}
          decision={dialog.decision}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null)
            shops.reload()
          }}
        />
      )}
    </>
  )
}
