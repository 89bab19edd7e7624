import { Card, Col, Row, Statistic } from 'antd'
import { Link } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header'
import { useI18n } from '../../../lib/i18n'
import { usePromiseCount } from '../api/promise'
import { FlowReport } from './flow-report'
import { OnTimeChart } from './on-time-chart'

/** The 72-hour promise at a glance, and the flow report for the bureau. */
export function PromisePage() {
  const { t } = useI18n()
  return (
    <>
      <PageHeader title={t('promise.title')} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <PromiseCount promise="at_risk" color="#d46b08" />
        </Col>
        <Col xs={24} md={12}>
          <PromiseCount promise="breached" color="#cf1322" />
        </Col>
      </Row>
      <OnTimeChart />
      <FlowReport />
    </>
  )
}

function PromiseCount({ promise, color }: { promise: 'at_risk' | 'breached'; color: string }) {
  const { t } = useI18n()
  const count = usePromiseCount(promise)
  return (
    <Card
      size="small"
      title={t(promise === 'at_risk' ? 'promise.atRisk' : 'promise.breached')}
      extra={<Link to={`/parcels?promise=${promise}`}>{t('promise.viewParcels')}</Link>}
    >
      <Statistic
        value={count.error ? '—' : (count.data ?? '…')}
        styles={{ content: { color } }}
        data-testid={`promise-${promise}`}
      />
    </Card>
  )
}
