import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, InputNumber, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import { RowErrorTable } from '../../../components/row-error-table'
import { apiClient } from '../../../lib/api-client'
import type { DivisionImportResult } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { useI18n, type MessageKey } from '../../../lib/i18n'

// The server names fields as in its API; people see the file's column headers.
const FIELD_LABEL: Record<string, MessageKey> = {
  code: 'geography.code',
  name: 'geography.name',
  level: 'geography.level',
  parentCode: 'geography.parentCode',
  lat: 'geography.lat',
  lon: 'geography.lon',
  file: 'geography.file',
}

/**
 * LOG-1, PLAT (issue 15): the county's divisions from the statistics bureau's file, with its code
 * year; the template, the Excel export, and the rows that failed (then nothing was imported).
 */
export function DivisionImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n()
  const [codeYear, setCodeYear] = useState<number | null>(new Date().getFullYear() - 1)
  const [uploading, setUploading] = useState(false)
  const [result, setResult] = useState<DivisionImportResult>()
  const [error, setError] = useState<unknown>(null)

  async function upload(file: File) {
    setUploading(true)
    setError(null)
    setResult(undefined)
    try {
      const form = new FormData()
      form.append('codeYear', String(codeYear ?? ''))
      form.append('file', file)
      const imported = await apiClient.postForm<DivisionImportResult>(
        '/api/geography/divisions/import',
        form,
      )
      setResult(imported)
      if (imported.errors.length === 0) onImported()
    } catch (caught) {
      setError(caught)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Card size="small" title={t('geography.import')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('geography.importHint')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('geography.codeYear')}</span>
        <InputNumber
          aria-label={t('geography.codeYear')}
          min={2009}
          max={2100}
          value={codeYear}
          onChange={setCodeYear}
        />
        <Upload
          accept=".csv,.xlsx,text/csv"
          showUploadList={false}
          disabled={uploading}
          customRequest={({ file }) => void upload(file as File)}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={uploading} type="primary">
            {t('geography.chooseFile')}
          </Button>
        </Upload>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href="/api/geography/divisions/template.csv"
        >
          {t('geography.template')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href="/api/geography/divisions.xlsx">
          {t('geography.export')}
        </Button>
      </Space>
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error, t)} />
      )}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="division-import-result">
          {result.errors.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('geography.imported', {
                year: result.codeYear,
                created: result.created,
                updated: result.updated,
                retired: result.retired,
              })}
            />
          ) : (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('geography.importRefused', { count: result.errors.length })}
              />
              <RowErrorTable
                errors={result.errors}
                fieldLabel={(field) => (FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field)}
              />
            </>
          )}
        </div>
      )}
    </Card>
  )
}
