import { UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Space, Statistic, Typography, Upload } from 'antd'
import { useState } from 'react'
import { RowErrorTable } from '../../../components/row-error-table'
import { errorMessage } from '../../../lib/error-message'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { importSites, siteTemplateUrl, type SiteImportResult } from '../api/sites'

// The server names fields as in its API; people see the template's column headers.
const FIELD_LABEL: Record<string, MessageKey> = {
  code: 'network.siteCode',
  kind: 'network.kind',
  name: 'network.name',
  divisionCode: 'network.division',
  address: 'network.address',
  lat: 'network.lat',
  lon: 'network.lon',
  openingHours: 'network.openingHours',
  masterName: 'network.masterName',
  masterPhone: 'network.masterPhone',
}

/** Sites in bulk from the template (CSV or XLSX): all rows land, or none and every error is listed. */
export function SiteImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n()
  return (
    <SheetImport
      title={t('network.siteImport')}
      hint={t('network.siteImportHint')}
      upload={importSites}
      templateUrl={siteTemplateUrl}
      fieldLabels={FIELD_LABEL}
      testId="site-import-result"
      onImported={onImported}
    />
  )
}

/** A list in bulk from its template: all rows land, or none and every error is listed. */
export function SheetImport({
  title,
  hint,
  upload: send,
  templateUrl,
  fieldLabels,
  testId,
  onImported,
}: {
  title: string
  hint: string
  upload: (file: File) => Promise<SiteImportResult>
  templateUrl: (format: 'xlsx' | 'csv') => string
  fieldLabels: Record<string, MessageKey>
  testId: string
  onImported: () => void
}) {
  const { t } = useI18n()
  const [uploading, setUploading] = useState(false)
  const [result, setResult] = useState<{ fileName: string; result: SiteImportResult }>()
  const [error, setError] = useState<unknown>(null)

  async function upload(file: File) {
    setUploading(true)
    setError(null)
    setResult(undefined)
    try {
      const answer = await send(file)
      setResult({ fileName: file.name, result: answer })
      if (answer.errors.length === 0) onImported()
    } catch (caught) {
      setError(caught)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Card size="small" title={title} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Space wrap>
        <Upload
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={uploading}
          customRequest={({ file }) => void upload(file as File)}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
            {uploading ? t('network.uploading') : t('network.chooseSheet')}
          </Button>
        </Upload>
        <Button type="link" href={templateUrl('xlsx')}>
          {t('network.templateXlsx')}
        </Button>
        <Button type="link" href={templateUrl('csv')}>
          {t('network.templateCsv')}
        </Button>
      </Space>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error, t)} />
      )}
      {result && (
        <div style={{ marginTop: 12 }} data-testid={testId}>
          <Typography.Text strong>
            {t('network.importResult', { file: result.fileName })}
          </Typography.Text>
          {result.result.errors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('network.importNone')}
            />
          )}
          <Row gutter={16} style={{ margin: '12px 0' }}>
            <Col span={8}>
              <Statistic title={t('network.created')} value={result.result.created} />
            </Col>
            <Col span={8}>
              <Statistic title={t('network.updated')} value={result.result.updated} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('network.failed')}
                value={result.result.failed}
                styles={{ content: result.result.failed ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          </Row>
          <RowErrorTable
            errors={result.result.errors}
            fieldLabel={(field) => (fieldLabels[field] ? t(fieldLabels[field]) : field)}
          />
        </div>
      )}
    </Card>
  )
}
