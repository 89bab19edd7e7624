import { Card, Col, DatePicker, Row, Statistic, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { ReconciliationRow } from '../../../lib/api-types'
import { formatYuan, shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useReconciliation } from '../api/orders'

/** One Shanghai day of payments against their orders; rows that disagree are marked red. */
export function ReconciliationPage() {
  const { t } = useI18n()
  const list = useListParams(['date'] as const)
  const date = list.filters.date ?? shanghaiDay()
  const report = useReconciliation(date)
  const data = report.data

  return (
    <>
      <PageHeader
        title={t('nav.reconciliation')}
        extra={
          <DatePicker
            aria-label={t('reconciliation.date')}
            allowClear={false}
            value={dayjs(date)}
            onChange={(day) => list.setFilter('date', day?.format('YYYY-MM-DD'))}
          />
        }
      />
      {report.error ? (
        <LoadErrorResult error={report.error} onRetry={report.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['payments', data?.payments ?? 0],
                ['paidCount', data?.paidCount ?? 0],
                ['paidFen', formatYuan(data?.paidFen ?? 0)],
                ['refundedFen', formatYuan(data?.refundedFen ?? 0)],
                ['problems', data?.problems ?? 0],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={8} lg={4}>
                <Card size="small">
                  <Statistic
                    title={t(`reconciliation.${key}`)}
                    value={value}
                    styles={
                      key === 'problems' && value ? { content: { color: '#cf1322' } } : undefined
                    }
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Table<ReconciliationRow>
            rowKey="outTradeNo"
            loading={report.loading}
            dataSource={data?.rows ?? []}
            locale={{ emptyText: <TableEmpty description={t('reconciliation.empty')} /> }}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50 }}
            onRow={(row) => (row.problems.length > 0 ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { title: t('reconciliation.outTradeNo'), dataIndex: 'outTradeNo' },
              { title: t('reconciliation.provider'), dataIndex: 'provider' },
              { title: t('common.status'), dataIndex: 'status' },
              {
                title: t('reconciliation.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('reconciliation.ordersAmount'),
                dataIndex: 'ordersFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('reconciliation.refundedFen'),
                dataIndex: 'refundedFen',
                align: 'right',
                render: (fen: number) => formatYuan(fen),
              },
              {
                title: t('reconciliation.transactionId'),
                dataIndex: 'providerTransactionId',
                render: (id: string | null) => id ?? t('common.none'),
              },
              {
                title: t('reconciliation.problems'),
                dataIndex: 'problems',
                render: (problems: string[]) =>
                  problems.length === 0 ? (
                    <Tag color="green">{t('reconciliation.ok')}</Tag>
                  ) : (
                    problems.map((problem) => (
                      <Tag key={problem} color="red">
                        {problem}
                      </Tag>
                    ))
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  )
}
