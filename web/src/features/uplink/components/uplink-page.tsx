import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import { PICKUP_STATUSES, type FarmPickup } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useAllianceCarriers } from '../../../lib/reference-data'
import { useListParams } from '../../../lib/use-list-params'
import { handOverPickup, receivePickup, usePickups } from '../api/uplink'
import { CostChart } from './cost-chart'

const FILTERS = ['status'] as const
const WAYBILL = /^[A-Za-z0-9-]{6,32}$/

/** 农产品上行 at the hub: receive what trips brought back, hand it to a carrier; KPI-11 below. */
export function UplinkPage() {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const list = useListParams(FILTERS)
  const status = PICKUP_STATUSES.find((value) => value === list.filters.status)
  const pickups = usePickups({ page: list.page, pageSize: list.pageSize, status })
  const [busy, setBusy] = useState<string>()
  const [handingOver, setHandingOver] = useState<FarmPickup | null>(null)

  async function receive(pickup: FarmPickup) {
    setBusy(pickup.id)
    try {
      await receivePickup(pickup.id)
      void message.success(t('uplink.received'))
      pickups.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <>
      <PageHeader title={t('uplink.title')} />
      <CostChart />
      <Card size="small" title={t('uplink.pickups')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<string>
            value={status}
            allowClear
            placeholder={t('uplink.filterStatus')}
            aria-label={t('uplink.filterStatus')}
            onChange={(value) => list.setFilter('status', value)}
            options={PICKUP_STATUSES.map((value) => ({
              value,
              label: t(`pickupStatus.${value}`),
            }))}
            style={{ width: 160 }}
          />
        </Space>
        {pickups.error ? (
          <LoadErrorResult error={pickups.error} onRetry={pickups.reload} />
        ) : (
          <Table<FarmPickup>
            size="small"
            rowKey="id"
            loading={pickups.loading}
            dataSource={pickups.data?.items ?? []}
            locale={{ emptyText: <TableEmpty description={t('uplink.empty')} /> }}
            scroll={{ x: 1000 }}
            pagination={{
              current: pickups.data?.page ?? 1,
              pageSize: pickups.data?.pageSize ?? 20,
              total: pickups.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: list.setPage,
            }}
            columns={[
              { title: t('uplink.station'), dataIndex: 'stationName', width: 160 },
              {
                title: t('uplink.sender'),
                key: 'sender',
                width: 170,
                render: (_, pickup) => `${pickup.senderName} ${pickup.senderPhone}`,
              },
              { title: t('uplink.product'), dataIndex: 'product' },
              { title: t('uplink.pieces'), dataIndex: 'pieces', width: 70 },
              { title: t('uplink.weightKg'), dataIndex: 'weightKg', width: 90 },
              { title: t('uplink.destination'), dataIndex: 'destinationAddress', ellipsis: true },
              {
                title: t('uplink.status'),
                dataIndex: 'status',
                width: 120,
                render: (_, pickup) => <Tag>{t(`pickupStatus.${pickup.status}`)}</Tag>,
              },
              {
                title: t('uplink.waybill'),
                dataIndex: 'carrierWaybillNo',
                width: 140,
                render: (_, pickup) => pickup.carrierWaybillNo ?? '—',
              },
              {
                title: t('common.createdAt'),
                dataIndex: 'createdAt',
                width: 170,
                render: (_, pickup) => formatDateTime(pickup.createdAt, language),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                fixed: 'right',
                render: (_, pickup) =>
                  pickup.status === 'at_hub' ? (
                    <Button type="link" size="small" onClick={() => setHandingOver(pickup)}>
                      {t('uplink.handOver')}
                    </Button>
                  ) : pickup.status === 'planned' ? (
                    <Button
                      type="link"
                      size="small"
                      loading={busy === pickup.id}
                      onClick={() => void receive(pickup)}
                    >
                      {t('uplink.receive')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {handingOver && (
        <HandOverModal
          pickup={handingOver}
          onClose={() => setHandingOver(null)}
          onDone={() => {
            setHandingOver(null)
            pickups.reload()
          }}
        />
      )}
    </>
  )
}

interface HandOverForm {
  carrierId: string
  carrierWaybillNo: string
}

function HandOverModal({
  pickup,
  onClose,
  onDone,
}: {
  pickup: FarmPickup
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const carriers = useAllianceCarriers()
  const [form] = Form.useForm<HandOverForm>()
  const [saving, setSaving] = useState(false)

  async function save(values: HandOverForm) {
    setSaving(true)
    try {
      await handOverPickup(pickup.id, {
        carrierId: values.carrierId,
        carrierWaybillNo: values.carrierWaybillNo.trim(),
      })
      void message.success(t('uplink.handedOver'))
      onDone()
    } catch (error) {
      void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('uplink.handOverTitle', { product: pickup.product })}
      okText={t('uplink.handOver')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<HandOverForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="carrierId"
          label={t('uplink.carrier')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<string>
            loading={carriers.loading}
            options={(carriers.data ?? []).map((carrier) => ({
              value: carrier.id,
              label: carrier.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="carrierWaybillNo"
          label={t('uplink.waybill')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: WAYBILL, message: t('uplink.waybillInvalid') },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
