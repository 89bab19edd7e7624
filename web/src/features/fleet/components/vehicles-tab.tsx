import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { Vehicle } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { formatYuan } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import {
  createVehicle,
  updateVehicle,
  useVehicleBases,
  useVehicles,
  vehiclesXlsxUrl,
} from '../api/fleet'

/** Same rule as the server: a province character, a letter, then 5 (6 for new-energy) letters or digits. */
const PLATE = /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

interface VehicleForm {
  plate: string
  name: string
  capacityKg: number
  capacityM3: number
  fixedCostYuan: number
  costPerKmYuan: number
  costPerHourYuan: number
  shiftStart: string
  shiftEnd: string
  homeSiteId?: string
}

const fen = (yuan: number) => Math.round(yuan * 100)

/** 车辆管理: the hub's vehicles, capacity, costs and shift (LOG-3). */
export function VehiclesTab() {
  const { t } = useI18n()
  const { modal, message } = App.useApp()
  const { can } = useSession()
  const canEdit = can('network:write')
  const [q, setQ] = useState<string>()
  const [version, setVersion] = useState(0)
  const vehicles = useVehicles(q, version)
  const bases = useVehicleBases()
  const baseName = new Map((bases.data ?? []).map((site) => [site.id, site.name]))
  const [editing, setEditing] = useState<Vehicle | 'new' | null>(null)

  function toggle(vehicle: Vehicle) {
    const apply = async () => {
      try {
        await updateVehicle(vehicle.id, { active: !vehicle.active })
        void message.success(t('common.saved'))
        setVersion((v) => v + 1)
      } catch (error) {
        void message.error(errorMessage(error, t))
      }
    }
    if (!vehicle.active) return void apply()
    modal.confirm({
      title: t('fleet.vehicle.retireConfirm', { plate: vehicle.plate }),
      okText: t('fleet.vehicle.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: apply,
    })
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('fleet.vehicle.search')}
          aria-label={t('common.search')}
          onSearch={(value) => setQ(value.trim() || undefined)}
          style={{ width: 220 }}
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('fleet.vehicle.add')}
          </Button>
        )}
        <Button icon={<DownloadOutlined aria-hidden />} href={vehiclesXlsxUrl(q)}>
          {t('fleet.export')}
        </Button>
      </Space>
      {vehicles.error ? (
        <LoadErrorResult error={vehicles.error} onRetry={vehicles.reload} />
      ) : (
        <Table<Vehicle>
          size="small"
          rowKey="id"
          data-testid="vehicles"
          loading={vehicles.loading}
          dataSource={vehicles.data ?? []}
          locale={{ emptyText: <TableEmpty description={t('fleet.vehicle.empty')} /> }}
          pagination={{ showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 900 }}
          columns={[
            { title: t('fleet.vehicle.plate'), dataIndex: 'plate', width: 110 },
            { title: t('fleet.vehicle.name'), dataIndex: 'name' },
            { title: t('fleet.vehicle.capacityKg'), dataIndex: 'capacityKg', width: 100 },
            { title: t('fleet.vehicle.capacityM3'), dataIndex: 'capacityM3', width: 100 },
            {
              title: t('fleet.vehicle.fixedCost'),
              dataIndex: 'fixedCostFen',
              width: 120,
              render: (_, v) => formatYuan(v.fixedCostFen),
            },
            {
              title: t('fleet.vehicle.costPerKm'),
              dataIndex: 'costPerKmFen',
              width: 120,
              render: (_, v) => formatYuan(v.costPerKmFen),
            },
            {
              title: t('fleet.vehicle.shift'),
              key: 'shift',
              width: 110,
              render: (_, v) => `${v.shiftStart}–${v.shiftEnd}`,
            },
            {
              title: t('fleet.vehicle.home'),
              dataIndex: 'homeSiteId',
              render: (_, v) => baseName.get(v.homeSiteId) ?? '',
            },
            {
              title: t('common.status'),
              dataIndex: 'active',
              width: 90,
              render: (_, v) =>
                v.active ? (
                  <Tag color="green">{t('fleet.inService')}</Tag>
                ) : (
                  <Tag>{t('fleet.outOfService')}</Tag>
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 170,
                    render: (_: unknown, v: Vehicle) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(v)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger={v.active}
                          onClick={() => toggle(v)}
                        >
                          {v.active ? t('fleet.vehicle.retire') : t('fleet.vehicle.restore')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <VehicleModal
          vehicle={editing === 'new' ? null : editing}
          bases={(bases.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            setVersion((v) => v + 1)
          }}
        />
      )}
    </>
  )
}

function VehicleModal({
  vehicle,
  bases,
  onClose,
  onSaved,
}: {
  vehicle: Vehicle | null
  bases: { value: string; label: string }[]
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<VehicleForm>()
  const [saving, setSaving] = useState(false)

  async function save(values: VehicleForm) {
    setSaving(true)
    const common = {
      name: values.name.trim(),
      capacityKg: values.capacityKg,
      capacityM3: values.capacityM3,
      shiftStart: values.shiftStart,
      shiftEnd: values.shiftEnd,
      fixedCostFen: fen(values.fixedCostYuan),
      costPerKmFen: fen(values.costPerKmYuan),
      costPerHourFen: fen(values.costPerHourYuan),
      ...(values.homeSiteId ? { homeSiteId: values.homeSiteId } : {}),
    }
    try {
      if (vehicle) await updateVehicle(vehicle.id, common)
      else await createVehicle({ ...common, plate: values.plate.trim().toUpperCase() })
      void message.success(t('common.saved'))
      onSaved()
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={vehicle ? t('fleet.vehicle.edit') : t('fleet.vehicle.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<VehicleForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          plate: vehicle?.plate,
          name: vehicle?.name,
          capacityKg: vehicle?.capacityKg ?? 1500,
          capacityM3: vehicle?.capacityM3 ?? 8,
          fixedCostYuan: (vehicle?.fixedCostFen ?? 10_000) / 100,
          costPerKmYuan: (vehicle?.costPerKmFen ?? 150) / 100,
          costPerHourYuan: (vehicle?.costPerHourFen ?? 3_000) / 100,
          shiftStart: vehicle?.shiftStart ?? '07:00',
          shiftEnd: vehicle?.shiftEnd ?? '19:00',
          homeSiteId: vehicle?.homeSiteId,
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="plate"
              label={t('fleet.vehicle.plate')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: PLATE, message: t('fleet.vehicle.plateInvalid') },
              ]}
            >
              <Input maxLength={8} disabled={vehicle !== null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('fleet.vehicle.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="capacityKg"
              label={t('fleet.vehicle.capacityKg')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={1} max={50000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="capacityM3"
              label={t('fleet.vehicle.capacityM3')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0.1} max={100} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="fixedCostYuan"
              label={t('fleet.vehicle.fixedCost')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="costPerKmYuan"
              label={t('fleet.vehicle.costPerKm')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="costPerHourYuan"
              label={t('fleet.vehicle.costPerHour')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="shiftStart"
              label={t('fleet.vehicle.shiftStart')}
              rules={[{ required: true, pattern: CLOCK, message: t('fleet.vehicle.clockInvalid') }]}
            >
              <Input maxLength={5} placeholder="07:00" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="shiftEnd"
              label={t('fleet.vehicle.shiftEnd')}
              rules={[{ required: true, pattern: CLOCK, message: t('fleet.vehicle.clockInvalid') }]}
            >
              <Input maxLength={5} placeholder="19:00" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="homeSiteId"
              label={t('fleet.vehicle.home')}
              extra={t('fleet.vehicle.homeHint')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={bases}
                aria-label={t('fleet.vehicle.home')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
