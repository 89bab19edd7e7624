import { DownloadOutlined } from '@ant-design/icons'
import { Button, Card, Col, DatePicker, Empty, Form, Row, Select, Spin, Statistic } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { formatYuan, shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useAllianceCarriers } from '../../../lib/reference-data'
import { statementXlsxUrl, useStatement } from '../api/statements'
import { FeeRuleCard } from './fee-rule-card'

const MONTH = 'YYYY-MM'

/** 对账结算: what a carrier owes for a month's parcels, and the cash collected for it. */
export function StatementsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  // A carrier's people get their own company only, so theirs is chosen for them.
  const alliance = useAllianceCarriers()
  const carriers = alliance.data ?? []
  const [chosen, setChosen] = useState<string>()
  const carrierId = chosen ?? (carriers.length === 1 ? carriers[0]?.id : undefined)
  const [month, setMonth] = useState(shanghaiDay().slice(0, 7))
  const statement = useStatement(carrierId, month)

  return (
    <>
      <PageHeader
        title={t('statements.title')}
        extra={
          carrierId && (
            <Button
              icon={<DownloadOutlined aria-hidden />}
              href={statementXlsxUrl(carrierId, month)}
            >
              {t('statements.download')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {alliance.error ? (
          <LoadErrorResult error={alliance.error} onRetry={alliance.reload} />
        ) : (
          <Form layout="inline">
            <Form.Item label={t('statements.carrier')} required>
              <Select<string>
                value={carrierId}
                loading={alliance.loading}
                placeholder={t('statements.carrierRequired')}
                aria-label={t('statements.carrier')}
                onChange={setChosen}
                options={carriers.map((carrier) => ({ value: carrier.id, label: carrier.name }))}
                notFoundContent={t('statements.noCarriers')}
                style={{ width: 260 }}
              />
            </Form.Item>
            <Form.Item label={t('statements.month')} required>
              <DatePicker
                picker="month"
                allowClear={false}
                aria-label={t('statements.month')}
                value={dayjs(`${month}-01`)}
                onChange={(value) => {
                  if (value) setMonth(value.format(MONTH))
                }}
              />
            </Form.Item>
          </Form>
        )}
      </Card>
      {!carrierId ? (
        <Card>
          <Empty description={t('statements.noCarrier')} />
        </Card>
      ) : statement.error ? (
        <LoadErrorResult error={statement.error} onRetry={statement.reload} />
      ) : !statement.data || statement.loading ? (
        <Card>
          <Spin />
        </Card>
      ) : (
        <Card
          size="small"
          title={`${statement.data.carrierName} · ${statement.data.month}`}
          data-testid="statement"
        >
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <Statistic
                title={t('statements.parcels')}
                value={statement.data.parcels}
                data-testid="statement-parcels"
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic
                title={t('statements.weight')}
                value={statement.data.weightKg}
                precision={1}
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('statements.fee')} value={formatYuan(statement.data.feeFen)} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('statements.codParcels')} value={statement.data.codParcels} />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Statistic title={t('statements.cod')} value={formatYuan(statement.data.codFen)} />
            </Col>
          </Row>
          <div style={{ marginTop: 12, color: '#8c8c8c' }}>
            {t('statements.ruleSummary', {
              perParcel: formatYuan(statement.data.feeRule.perParcelFen),
              perKg: formatYuan(statement.data.feeRule.perKgFen),
              freeKg: statement.data.feeRule.freeKg,
            })}
          </div>
        </Card>
      )}
      {carrierId && can('network:write') && (
        <FeeRuleCard carrierId={carrierId} onSaved={statement.reload} />
      )}
    </>
  )
}
