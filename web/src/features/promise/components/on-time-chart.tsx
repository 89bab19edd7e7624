import { Card, Empty, Spin } from 'antd'
import { useMemo } from 'react'
import { EChart, type EChartOption } from '../../../components/echart'
import { LoadErrorResult } from '../../../components/status-result'
import { shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { usePromiseByDay } from '../api/promise'

const DAYS = 14

/** On-time rate (line) over parcels received (bars), per day of receipt. */
export function OnTimeChart() {
  const { t } = useI18n()
  const from = shanghaiDay(-(DAYS - 1))
  const to = shanghaiDay()
  const periods = usePromiseByDay(from, to)
  const data = periods.data
  const option = useMemo<EChartOption | null>(() => {
    if (!data) return null
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('promise.received'), t('promise.rate')] },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.map((period) => period.period.slice(5)) },
      yAxis: [
        { type: 'value', name: t('promise.received'), minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100 },
      ],
      series: [
        {
          name: t('promise.received'),
          type: 'bar',
          data: data.map((period) => period.received),
          itemStyle: { color: '#a5d6a7' },
        },
        {
          name: t('promise.rate'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: data.map((period) =>
            period.onTimeRate === null ? null : Math.round(period.onTimeRate * 1000) / 10,
          ),
          itemStyle: { color: '#2f7d32' },
        },
      ],
    }
  }, [data, t])

  return (
    <Card size="small" title={t('promise.onTimeRate')} style={{ marginBottom: 16 }}>
      {periods.error ? (
        <LoadErrorResult error={periods.error} onRetry={periods.reload} />
      ) : !option || !data ? (
        <Spin />
      ) : data.every((period) => period.received === 0) ? (
        <Empty description={t('promise.noData')} />
      ) : (
        <EChart option={option} ariaLabel={t('promise.onTimeRate')} />
      )}
    </Card>
  )
}
