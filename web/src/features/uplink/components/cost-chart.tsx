import { Card, Empty, Spin } from 'antd'
import { useMemo } from 'react'
import { EChart, type EChartOption } from '../../../components/echart'
import { LoadErrorResult } from '../../../components/status-result'
import { shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useCostPerParcel } from '../api/uplink'

const DAYS = 30

/** KPI-11: trip cost per parcel moved (line), over parcels moved (bars); it should fall. */
export function CostChart() {
  const { t } = useI18n()
  const rows = useCostPerParcel(shanghaiDay(-(DAYS - 1)), shanghaiDay())
  const data = rows.data
  const option = useMemo<EChartOption | null>(() => {
    if (!data) return null
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('uplink.moved'), t('uplink.costPerParcel')] },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.map((row) => row.period.slice(5)) },
      yAxis: [
        { type: 'value', name: t('uplink.moved'), minInterval: 1 },
        { type: 'value', name: '¥', min: 0 },
      ],
      series: [
        {
          name: t('uplink.moved'),
          type: 'bar',
          data: data.map((row) => row.deliveredParcels + row.collectedPickups),
          itemStyle: { color: '#a5d6a7' },
        },
        {
          name: t('uplink.costPerParcel'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: data.map((row) =>
            row.costPerParcelFen === null ? null : Math.round(row.costPerParcelFen) / 100,
          ),
          itemStyle: { color: '#2f7d32' },
        },
      ],
    }
  }, [data, t])

  return (
    <Card size="small" title={t('uplink.cost')} style={{ marginBottom: 16 }}>
      {rows.error ? (
        <LoadErrorResult error={rows.error} onRetry={rows.reload} />
      ) : !option || !data ? (
        <Spin />
      ) : data.every((row) => row.trips === 0) ? (
        <Empty description={t('uplink.noCost')} />
      ) : (
        <EChart option={option} ariaLabel={t('uplink.cost')} />
      )}
    </Card>
  )
}
