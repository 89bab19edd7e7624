import { ScanOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Space, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { errorMessage } from '../lib/error-message'
import { useI18n } from '../lib/i18n'

interface ScanBoxProps {
  label: string
  /** Records the scan and returns the line to show on success. */
  onScan: (waybillNo: string) => Promise<string>
  extra?: ReactNode
}

/**
 * A waybill box for phones: type or paste (a scanner gun types and presses Enter), then the
 * server's answer stays on screen — a refused scan says why in the server's words.
 */
export function ScanBox({ label, onScan, extra }: ScanBoxProps) {
  const { t } = useI18n()
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  async function scan() {
    const waybillNo = value.trim().toUpperCase()
    if (!waybillNo) return
    setBusy(true)
    try {
      setOutcome({ ok: true, text: await onScan(waybillNo) })
      setValue('')
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error, t) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={value}
          aria-label={label}
          placeholder={t('driver.scanPlaceholder')}
          autoComplete="off"
          onChange={(event) => setValue(event.target.value)}
          onPressEnter={() => void scan()}
        />
        <Button
          size="large"
          type="primary"
          icon={<ScanOutlined aria-hidden />}
          loading={busy}
          onClick={() => void scan()}
        >
          {t('driver.scan')}
        </Button>
      </Space.Compact>
      {extra}
      {outcome && (
        <Alert
          role={outcome.ok ? 'status' : 'alert'}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.text}
          data-testid="scan-outcome"
        />
      )}
    </Space>
  )
}
