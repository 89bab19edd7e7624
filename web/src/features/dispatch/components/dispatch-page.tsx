import { Alert, Button, Card, DatePicker, Empty, Form, InputNumber, Progress, Space } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { errorMessage } from '../../../lib/error-message'
import { shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { startPlan } from '../api/plans'
import { usePlan } from '../api/use-plan'
import { PlanView } from './plan-view'

const DAY = 'YYYY-MM-DD'
const DEFAULT_TIME_LIMIT_S = 5

/** The hub plans a day's trips for every carrier's parcels, reviews them and publishes. */
export function DispatchPage() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const planId = params.get('plan') ?? undefined
  const [serviceDate, setServiceDate] = useState(params.get('date') ?? shanghaiDay())
  const [timeLimitS, setTimeLimitS] = useState(
    Number(params.get('seconds')) || DEFAULT_TIME_LIMIT_S,
  )
  const [starting, setStarting] = useState(false)
  const [startError, setStartError] = useState<unknown>(null)
  const { plan, error, reload, replace } = usePlan(planId)

  async function start() {
    setStarting(true)
    setStartError(null)
    try {
      const started = await startPlan(serviceDate, timeLimitS)
      replace(started)
      setParams({ plan: started.id })
    } catch (caught) {
      setStartError(caught)
    } finally {
      setStarting(false)
    }
  }

  const planning = plan?.status === 'planning'
  return (
    <>
      <PageHeader title={t('dispatch.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('dispatch.serviceDate')}>
            <DatePicker
              aria-label={t('dispatch.serviceDate')}
              allowClear={false}
              value={dayjs(serviceDate)}
              onChange={(day) => day && setServiceDate(day.format(DAY))}
            />
          </Form.Item>
          <Form.Item label={t('dispatch.timeLimit')}>
            <InputNumber
              aria-label={t('dispatch.timeLimit')}
              min={0.1}
              max={120}
              step={0.5}
              value={timeLimitS}
              onChange={(value) => value !== null && setTimeLimitS(value)}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              loading={starting}
              disabled={planning}
              onClick={() => void start()}
            >
              {t('dispatch.start')}
            </Button>
          </Form.Item>
        </Form>
        {startError !== null && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(startError, t)}
            style={{ marginTop: 12 }}
          />
        )}
      </Card>
      {!planId ? (
        <Empty description={t('dispatch.empty')} />
      ) : error && !plan ? (
        <LoadErrorResult error={error} onRetry={reload} />
      ) : !plan ? (
        <Card loading />
      ) : planning ? (
        <Card title={t('dispatch.planning')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Progress percent={plan.progress} status="active" aria-label={t('dispatch.planning')} />
          </Space>
        </Card>
      ) : plan.status === 'failed' ? (
        <Alert type="error" showIcon title={t('dispatch.failed')} description={plan.error} />
      ) : (
        <PlanView plan={plan} onChanged={replace} onReload={reload} />
      )}
    </>
  )
}
