import { Descriptions, Drawer, Spin } from 'antd'
import { LoadErrorResult } from '../../../../components/status-result'
import { formatYuan } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { getBargainReport, type BargainActivity } from '../../api/bargains'
import { ShareReport } from '../shared/share-report'

const BARGAIN_STATES = ['open', 'floor_reached', 'bought', 'expired'] as const

/** Bargains by status, helps and helpers, paid orders and stock of one activity. */
export function BargainReport({
  activity,
  onClose,
}: {
  activity: BargainActivity
  onClose: () => void
}) {
  const { t } = useI18n()
  const report = useRequest((signal) => getBargainReport(activity.id, signal), activity.id)
  const data = report.data
  return (
    <Drawer
      open
      size="large"
      title={`${t('promotions.report')} · ${activity.title}`}
      onClose={onClose}
    >
      {report.error ? (
        <LoadErrorResult error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small" title={t('bargain.bargains')}>
            {BARGAIN_STATES.map((state) => (
              <Descriptions.Item key={state} label={t(`bargain.state.${state}`)}>
                {data.bargains[state] ?? 0}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('bargain.helps')}>{data.helps}</Descriptions.Item>
            <Descriptions.Item label={t('bargain.helpers')}>{data.helpers}</Descriptions.Item>
            <Descriptions.Item label={t('bargain.ordersPaid')}>{data.ordersPaid}</Descriptions.Item>
            <Descriptions.Item label={t('bargain.paidFen')}>
              {formatYuan(data.paidFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('bargain.stockTaken')}>
              {data.stockTaken} / {data.stock}
            </Descriptions.Item>
          </Descriptions>
          <ShareReport share={data.share} summed />
        </>
      )}
    </Drawer>
  )
}
