import { Drawer, Table } from 'antd'
import { LoadErrorResult } from '../../../../components/status-result'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { getFlashSaleReport, type FlashReport, type FlashSession } from '../../api/flash-sales'
import { ShareReport } from '../shared/share-report'

type ReportRow = FlashReport['skus'][number]
const COUNTS = ['admitted', 'heldUnits', 'ordered', 'paid', 'released', 'refunded'] as const

/** Units admitted, paid, released and refunded per SKU of one session. */
export function FlashSaleReport({
  session,
  onClose,
}: {
  session: FlashSession
  onClose: () => void
}) {
  const { t } = useI18n()
  const report = useRequest((signal) => getFlashSaleReport(session.id, signal), session.id)
  const skuName = (skuId: string) => {
    const sku = session.skus.find((s) => s.skuId === skuId)
    return sku ? `${sku.title} · ${sku.spec}` : skuId
  }
  return (
    <Drawer
      open
      size="large"
      title={`${t('promotions.report')} · ${session.title}`}
      onClose={onClose}
    >
      {report.error ? (
        <LoadErrorResult error={report.error} onRetry={report.reload} />
      ) : (
        <>
          <Table<ReportRow>
            rowKey="skuId"
            loading={report.loading}
            dataSource={report.data?.skus ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('promotions.sku'), dataIndex: 'skuId', render: skuName },
              {
                title: t('promotions.stockLeft'),
                key: 'stock',
                align: 'right',
                render: (_, row) => `${row.stockLeft} / ${row.stockTotal}`,
              },
              ...COUNTS.map((key) => ({
                title: t(`flashSale.${key}`),
                key,
                align: 'right' as const,
                render: (_: unknown, row: ReportRow) => row[key === 'heldUnits' ? 'held' : key],
              })),
            ]}
          />
          {report.data && <ShareReport share={report.data.share} />}
        </>
      )}
    </Drawer>
  )
}
