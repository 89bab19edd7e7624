import { Descriptions, Drawer, Spin } from 'antd'
import { LoadErrorResult } from '../../../../components/status-result'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { getBulkBuyReport, type BulkBuy } from '../../api/bulk-buys'
import { ShareReport } from '../shared/share-report'

const ORDER_STATUSES = ['held', 'paid', 'released', 'settled', 'refunded'] as const

/** Paid quantity, the final tier's price, orders by status, paid and refunded amounts. */
export function BulkBuyReport({ campaign, onClose }: { campaign: BulkBuy; onClose: () => void }) {
  const { t } = useI18n()
  const report = useRequest((signal) => getBulkBuyReport(campaign.id, signal), campaign.id)
  const data = report.data
  return (
    <Drawer
      open
      size="large"
      title={`${t('promotions.report')} · ${campaign.title}`}
      onClose={onClose}
    >
      {report.error ? (
        <LoadErrorResult error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('bulkBuy.paidQuantity')}>
              {data.paidQuantity}
            </Descriptions.Item>
            <Descriptions.Item label={t('bulkBuy.finalPrice')}>
              {data.finalPriceFen === null ? '—' : formatYuan(data.finalPriceFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bulkBuy.buyers')}>{data.buyers}</Descriptions.Item>
            <Descriptions.Item label={t('bulkBuy.orders')}>
              {ORDER_STATUSES.map((s) => `${t(`bulkBuy.order.${s}`)} ${data.orders[s] ?? 0}`).join(
                ' · ',
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('bulkBuy.paidFen')}>
              {formatYuan(data.paidFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bulkBuy.refundedFen')}>
              {formatYuan(data.refundedFen)}
            </Descriptions.Item>
          </Descriptions>
          <ShareReport share={data.share} />
        </>
      )}
    </Drawer>
  )
}
