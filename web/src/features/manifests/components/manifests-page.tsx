import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Select, Space, Upload } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import type { IntakeResult } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n } from '../../../lib/i18n'
import { useAllianceCarriers } from '../../../lib/reference-data'
import { useSession } from '../../../lib/session'
import { templateUrl, uploadManifest } from '../api/upload-manifest'
import { ImportResult } from './import-result'

/** Carriers upload their manifests; county clerks first name the carrier the file comes from. */
export function ManifestsPage() {
  const { t } = useI18n()
  const { me } = useSession()
  const countyClerk = !me.memberships.some((m) => m.organizationType === 'carrier')
  const carriers = useAllianceCarriers().data ?? []
  const [carrierId, setCarrierId] = useState<string>()
  const [uploading, setUploading] = useState(false)
  const [result, setResult] = useState<{ fileName: string; result: IntakeResult } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const blocked = countyClerk && !carrierId

  async function upload(file: File) {
    setUploading(true)
    setError(null)
    setResult(null)
    try {
      setResult({ fileName: file.name, result: await uploadManifest(file, carrierId) })
    } catch (caught) {
      setError(caught)
    } finally {
      setUploading(false)
    }
  }

  return (
    <>
      <PageHeader
        title={t('manifests.title')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined aria-hidden />} href={templateUrl('xlsx')}>
              {t('manifests.templateXlsx')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} href={templateUrl('csv')}>
              {t('manifests.templateCsv')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        {countyClerk && (
          <Form layout="vertical">
            <Form.Item label={t('manifests.carrier')} required style={{ maxWidth: 360 }}>
              <Select<string>
                value={carrierId}
                placeholder={t('manifests.carrierRequired')}
                aria-label={t('manifests.carrier')}
                onChange={setCarrierId}
                options={carriers.map((carrier) => ({ value: carrier.id, label: carrier.name }))}
              />
            </Form.Item>
          </Form>
        )}
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={blocked || uploading}
          customRequest={({ file }) => void upload(file as File)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">
            {uploading ? t('manifests.uploading') : t('manifests.drop')}
          </p>
          <p className="ant-upload-hint">
            {blocked ? t('manifests.carrierRequired') : t('manifests.dropHint')}
          </p>
        </Upload.Dragger>
      </Card>
      {error !== null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {result && <ImportResult fileName={result.fileName} result={result.result} />}
    </>
  )
}
