import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Result,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { LanguageToggle } from '../../../components/language-toggle'
import { isApiError } from '../../../lib/api-error'
import type { Tracking } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useCounty } from '../../../lib/county'
import { useI18n } from '../../../lib/i18n'
import { trackParcel } from '../api/track-parcel'

interface TrackForm {
  waybill: string
  phoneTail?: string
}

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'found'; tracking: Tracking }
  | { status: 'not_found' }
  | { status: 'failed'; error: unknown }

/** Public tracking for villagers: no login, made for a phone screen. */
export function TrackPage() {
  const { t, language } = useI18n()
  const [params, setParams] = useSearchParams()
  const [state, setState] = useState<State>({ status: 'idle' })
  const [form] = Form.useForm<TrackForm>()
  const county = useCounty()

  async function search(values: TrackForm) {
    const waybill = values.waybill.trim()
    const phoneTail = values.phoneTail?.trim() || undefined
    setParams(waybill ? { waybill } : {}, { replace: true })
    setState({ status: 'loading' })
    try {
      setState({ status: 'found', tracking: await trackParcel(waybill, phoneTail) })
    } catch (error) {
      setState(
        isApiError(error) && error.status === 404
          ? { status: 'not_found' }
          : { status: 'failed', error },
      )
    }
  }

  return (
    <main style={{ maxWidth: 520, margin: '0 auto', padding: '16px 12px 32px' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0, color: '#2f7d32' }}>
          {t('track.title')}
        </Typography.Title>
        <LanguageToggle />
      </Flex>
      <Typography.Paragraph type="secondary">
        {t('track.subtitle', { county: county?.name ?? '' })}
      </Typography.Paragraph>
      <Card size="small">
        <Form<TrackForm>
          form={form}
          layout="vertical"
          initialValues={{ waybill: params.get('waybill') ?? '' }}
          onFinish={(values) => void search(values)}
          requiredMark={false}
        >
          <Form.Item
            name="waybill"
            label={t('track.waybill')}
            rules={[{ required: true, whitespace: true, message: t('track.waybillRequired') }]}
          >
            <Input size="large" autoComplete="off" inputMode="text" allowClear />
          </Form.Item>
          <Form.Item
            name="phoneTail"
            label={t('track.phoneTail')}
            extra={t('track.phoneTailHint')}
            rules={[{ pattern: /^\d{4}$/, message: t('track.phoneTailInvalid') }]}
          >
            <Input size="large" inputMode="numeric" maxLength={4} autoComplete="off" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={state.status === 'loading'}
          >
            {t('track.submit')}
          </Button>
        </Form>
      </Card>
      <div style={{ marginTop: 16 }} aria-live="polite">
        {state.status === 'not_found' && (
          <Result status="warning" title={t('track.notFound')} subTitle={t('track.notFoundHint')} />
        )}
        {state.status === 'failed' && (
          <Alert type="error" showIcon title={errorMessage(state.error, t)} />
        )}
        {state.status === 'found' && (
          <TrackingResult tracking={state.tracking} language={language} />
        )}
      </div>
    </main>
  )
}

function TrackingResult({ tracking, language }: { tracking: Tracking; language: 'zh-CN' | 'en' }) {
  const { t } = useI18n()
  // Newest first: the villager wants to know where the parcel is now.
  const events = [...tracking.events].reverse()
  return (
    <Card
      size="small"
      title={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>{tracking.waybillNo}</Typography.Text>
          <Tag color="green" data-testid="tracking-status">
            {t(`parcelStatus.${tracking.status}`)}
          </Tag>
        </Flex>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('track.carrier')}>{tracking.carrierName}</Descriptions.Item>
        {tracking.destinationName && (
          <Descriptions.Item label={t('track.destination')}>
            {tracking.destinationName}
          </Descriptions.Item>
        )}
        {tracking.recipientName && (
          <Descriptions.Item label={t('track.recipient')}>
            {tracking.recipientName}
          </Descriptions.Item>
        )}
        {tracking.dueAt && (
          <Descriptions.Item label={t('track.dueAt')}>
            {formatDateTime(tracking.dueAt, language)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text type="secondary">{t('track.trail')}</Typography.Text>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('track.noEvents')} />
      ) : (
        <Timeline
          style={{ marginTop: 12 }}
          items={events.map((event, index) => ({
            key: `${event.type}-${event.at}`,
            color: index === 0 ? 'green' : 'gray',
            content: (
              <div data-testid="tracking-event">
                <Typography.Text strong={index === 0}>
                  {t(`scanType.${event.type}`)}
                </Typography.Text>
                {event.siteName && (
                  <Typography.Text type="secondary"> · {event.siteName}</Typography.Text>
                )}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(event.at, language)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  )
}
