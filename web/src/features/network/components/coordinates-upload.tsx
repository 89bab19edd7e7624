import { UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Statistic, Typography, Upload } from 'antd'
import { useState } from 'react'
import { RowErrorTable } from '../../../components/row-error-table'
import { errorMessage } from '../../../lib/error-message'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { uploadCoordinates, type CoordinateImportResult } from '../api/sites'

// The server names fields as in its API; people see the CSV's column headers.
const FIELD_LABEL: Record<string, MessageKey> = {
  code: 'network.code',
  lat: 'network.lat',
  lon: 'network.lon',
}

/** Surveyed positions in bulk: a CSV of division code, latitude and longitude. */
export function CoordinatesUpload({ onImported }: { onImported: () => void }) {
  const { t } = useI18n()
  const [uploading, setUploading] = useState(false)
  const [result, setResult] = useState<{ fileName: string; result: CoordinateImportResult }>()
  const [error, setError] = useState<unknown>(null)

  async function upload(file: File) {
    setUploading(true)
    setError(null)
    setResult(undefined)
    try {
      setResult({ fileName: file.name, result: await uploadCoordinates(file) })
      onImported()
    } catch (caught) {
      setError(caught)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Card size="small" title={t('network.coordinatesUpload')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('network.coordinatesHint')}</Typography.Paragraph>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        disabled={uploading}
        customRequest={({ file }) => void upload(file as File)}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
          {uploading ? t('network.uploading') : t('network.chooseFile')}
        </Button>
      </Upload>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error, t)} />
      )}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="coordinates-result">
          <Typography.Text strong>
            {t('network.importResult', { file: result.fileName })}
          </Typography.Text>
          <Row gutter={16} style={{ margin: '12px 0' }}>
            <Col span={12}>
              <Statistic
                title={t('network.updated')}
                value={result.result.updated}
                styles={{ content: { color: '#2f7d32' } }}
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('network.failed')}
                value={result.result.failed}
                styles={{ content: result.result.failed ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          </Row>
          <RowErrorTable
            errors={result.result.errors}
            fieldLabel={(field) => (FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field)}
          />
        </div>
      )}
    </Card>
  )
}
