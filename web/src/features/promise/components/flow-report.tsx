import { DownloadOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Select, Space, Table } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { FlowRow } from '../../../lib/api-types'
import { shanghaiDay } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { flowReportXlsxUrl, useFlowReport, type FlowGroupBy } from '../api/promise'

const DAY = 'YYYY-MM-DD'
const GROUPS: FlowGroupBy[] = ['day', 'carrier', 'township', 'station']

/** 送收发报表: received, dispatched, delivered and picked up, grouped as the reader asks. */
export function FlowReport() {
  const { t } = useI18n()
  const [from, setFrom] = useState(shanghaiDay(-6))
  const [to, setTo] = useState(shanghaiDay())
  const [groupBy, setGroupBy] = useState<FlowGroupBy>('day')
  const rows = useFlowReport(from, to, groupBy)
  return (
    <Card
      size="small"
      title={t('report.title')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          href={flowReportXlsxUrl(from, to, groupBy)}
        >
          {t('report.download')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('report.dates')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) {
              setFrom(range[0].format(DAY))
              setTo(range[1].format(DAY))
            }
          }}
        />
        <Select<FlowGroupBy>
          value={groupBy}
          aria-label={t('report.groupBy')}
          onChange={setGroupBy}
          options={GROUPS.map((group) => ({ value: group, label: t(`report.groupBy.${group}`) }))}
          style={{ width: 160 }}
        />
      </Space>
      {rows.error ? (
        <LoadErrorResult error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<FlowRow>
          size="small"
          rowKey="key"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <TableEmpty description={t('report.empty')} /> }}
          columns={[
            { title: t('report.label'), dataIndex: 'label' },
            { title: t('report.received'), dataIndex: 'received', width: 110 },
            { title: t('report.dispatched'), dataIndex: 'dispatched', width: 110 },
            { title: t('report.delivered'), dataIndex: 'delivered', width: 110 },
            { title: t('report.pickedUp'), dataIndex: 'pickedUp', width: 110 },
          ]}
        />
      )}
    </Card>
  )
}
