import { Card, Col, Row, Statistic } from 'antd'
import { Link } from 'react-router-dom'
import { RowErrorTable } from '../../../components/row-error-table'
import type { IntakeResult } from '../../../lib/api-types'
import { useI18n, type MessageKey, type Translate } from '../../../lib/i18n'

// The server names fields as in its API; people see the manifest's column headers.
const FIELD_LABEL: Record<string, MessageKey> = {
  waybillNo: 'manifests.column.waybillNo',
  recipientName: 'manifests.column.recipientName',
  recipientPhone: 'manifests.column.recipientPhone',
  address: 'manifests.column.address',
  villageCode: 'manifests.column.villageCode',
  weightKg: 'manifests.column.weightKg',
  volumeM3: 'manifests.column.volumeM3',
  codYuan: 'manifests.column.codYuan',
}

const fieldLabel = (t: Translate, field: string) =>
  FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field

/** What became of each row: counts, and the rows that failed with the reason in the UI language. */
export function ImportResult({ fileName, result }: { fileName: string; result: IntakeResult }) {
  const { t } = useI18n()
  const stats = [
    { key: 'total', label: t('manifests.total'), value: result.rowsTotal },
    { key: 'imported', label: t('manifests.imported'), value: result.imported, color: '#2f7d32' },
    { key: 'duplicates', label: t('manifests.duplicates'), value: result.duplicates },
    {
      key: 'failed',
      label: t('manifests.failed'),
      value: result.failed,
      color: result.failed ? '#cf1322' : undefined,
    },
    {
      key: 'unmatched',
      label: t('manifests.unmatched'),
      value: result.unmatched,
      color: result.unmatched ? '#d46b08' : undefined,
    },
  ]
  return (
    <Card title={t('manifests.result', { file: fileName })} data-testid="import-result">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} sm={8} md={4}>
            <Statistic
              title={stat.label}
              value={stat.value}
              styles={{ content: stat.color ? { color: stat.color } : undefined }}
              data-testid={`import-${stat.key}`}
            />
          </Col>
        ))}
        {result.unmatched > 0 && (
          <Col xs={24} md={4} style={{ alignSelf: 'center' }}>
            <Link to="/parcels?unmatched=true">{t('manifests.unmatchedLink')}</Link>
          </Col>
        )}
      </Row>
      <RowErrorTable errors={result.errors} fieldLabel={(field) => fieldLabel(t, field)} />
    </Card>
  )
}
