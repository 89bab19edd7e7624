import { DownloadOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { PayoutDay, PayoutFigures, PayoutShop } from '../../../lib/api-types'
import { formatYuan, shanghaiDay } from '../../../lib/format'
import { useI18n, type Translate } from '../../../lib/i18n'
import { useListParams } from '../../../lib/use-list-params'
import { useRequest } from '../../../lib/use-request'
import { getPayouts, payoutsExcelUrl } from '../api/payouts'

const DAY = 'YYYY-MM-DD'
const CARDS = [
  'goodsFen',
  'goodsRefundFen',
  'netFen',
  'settledFen',
  'pendingFen',
  'deliveryFen',
] as const
const MONEY = [
  'goodsFen',
  'goodsRefundFen',
  'netFen',
  'settledFen',
  'pendingFen',
  'deliveryFen',
  'deliveryRefundFen',
] as const

function figureColumns<Row extends PayoutFigures>(t: Translate): ColumnsType<Row> {
  return [
    { title: t('payouts.paidOrders'), dataIndex: 'paidOrders', align: 'right' },
    ...MONEY.map((key) => ({
      title: t(`payouts.${key}`),
      dataIndex: key,
      align: 'right' as const,
      render: (fen: number) => formatYuan(fen),
    })),
  ]
}

/** The totals as the table's last row, so the days visibly add up. */
function totalsRow(totals: PayoutFigures | undefined, t: Translate) {
  if (!totals) return null
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}>
        <Typography.Text strong>{t('payouts.total')}</Typography.Text>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">
        {totals.paidOrders}
      </Table.Summary.Cell>
      {MONEY.map((key, index) => (
        <Table.Summary.Cell key={key} index={index + 2} align="right">
          <Typography.Text strong>{formatYuan(totals[key])}</Typography.Text>
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  )
}

/**
 * 商家结算报表: a merchant's own shop, operators every shop (the server decides the reach). The
 * shop filter shows when there is more than one shop to choose from, i.e. for county roles.
 */
export function PayoutsPage() {
  const { t } = useI18n()
  const list = useListParams(['from', 'to', 'shopId'] as const)
  const today = shanghaiDay()
  const from = list.filters.from ?? `${today.slice(0, 8)}01`
  const to = list.filters.to ?? today
  const shopId = list.filters.shopId
  const overall = useRequest((signal) => getPayouts({ from, to }, signal), `${from}:${to}`)
  const selected = useRequest(
    (signal) => (shopId ? getPayouts({ from, to, shopId }, signal) : Promise.resolve(undefined)),
    `${from}:${to}:${shopId ?? ''}`,
  )
  const state = shopId ? selected : overall
  const report = state.data
  const shops = overall.data?.shops ?? []

  return (
    <>
      <PageHeader
        title={t('nav.payouts')}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={payoutsExcelUrl({ from, to, ...(shopId ? { shopId } : {}) })}
          >
            {t('report.download')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label={t('payouts.dates')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) => {
            if (range?.[0] && range[1])
              list.setFilters({ from: range[0].format(DAY), to: range[1].format(DAY) })
          }}
        />
        {(shops.length > 1 || shopId) && (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('payouts.shop')}
            placeholder={t('payouts.allShops')}
            value={shopId}
            onChange={(id) => list.setFilter('shopId', id)}
            options={shops.map((shop) => ({ value: shop.shopId, label: shop.shopName }))}
            style={{ width: 260 }}
          />
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('payouts.rule')}</Typography.Paragraph>
      {state.error ? (
        <LoadErrorResult error={state.error} onRetry={state.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {CARDS.map((key) => (
              <Col key={key} xs={12} md={8} lg={4}>
                <Card size="small">
                  <Statistic
                    title={t(`payouts.${key}`)}
                    value={formatYuan(report?.totals[key] ?? 0)}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          {!shopId && (report?.shops.length ?? 0) > 1 && (
            <Table<PayoutShop>
              rowKey="shopId"
              loading={state.loading}
              dataSource={report?.shops ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              style={{ marginBottom: 16 }}
              columns={[
                {
                  title: t('payouts.shop'),
                  dataIndex: 'shopName',
                  render: (name: string, shop) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => list.setFilter('shopId', shop.shopId)}
                    >
                      {name}
                    </Button>
                  ),
                },
                ...figureColumns<PayoutShop>(t),
              ]}
            />
          )}
          <Table<PayoutDay>
            rowKey="date"
            loading={state.loading}
            dataSource={report?.days ?? []}
            locale={{ emptyText: <TableEmpty description={t('payouts.empty')} /> }}
            pagination={false}
            scroll={{ x: 'max-content', y: 560 }}
            summary={() => (
              <Table.Summary fixed="bottom">{totalsRow(report?.totals, t)}</Table.Summary>
            )}
            columns={[
              { title: t('payouts.date'), dataIndex: 'date', fixed: 'left' },
              ...figureColumns<PayoutDay>(t),
            ]}
          />
        </>
      )}
    </>
  )
}
