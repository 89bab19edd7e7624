import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { Driver } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { MIN_PASSWORD_LENGTH, PHONE_NUMBER, USERNAME } from '../../../lib/validation'
import { createDriver, driversXlsxUrl, updateDriver, useDrivers, useVehicles } from '../api/fleet'

const LICENCE_CLASSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4'] as const
type LicenceClass = (typeof LICENCE_CLASSES)[number]

interface DriverForm {
  username: string
  displayName: string
  password: string
  phone: string
  licenceClass?: LicenceClass
  vehicleId?: string
}

/** 司机管理: the hub's drivers, licence class and default vehicle (LOG-3, LOG-5). */
export function DriversTab() {
  const { t } = useI18n()
  const { modal, message } = App.useApp()
  const { can } = useSession()
  const canEdit = can('network:write')
  const [query, setQuery] = useState({ page: 1, pageSize: 20, q: undefined as string | undefined })
  const drivers = useDrivers(query)
  const [editing, setEditing] = useState<Driver | 'new' | null>(null)

  function toggle(driver: Driver) {
    const disable = driver.status === 'active'
    const apply = async () => {
      try {
        await updateDriver(driver.id, { status: disable ? 'disabled' : 'active' })
        void message.success(t('common.saved'))
        drivers.reload()
      } catch (error) {
        void message.error(errorMessage(error, t))
      }
    }
    if (!disable) return void apply()
    modal.confirm({
      title: t('fleet.driver.disableConfirm', { name: driver.displayName }),
      okText: t('fleet.driver.disable'),
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
          placeholder={t('fleet.driver.search')}
          aria-label={t('common.search')}
          onSearch={(value) => setQuery({ ...query, page: 1, q: value.trim() || undefined })}
          style={{ width: 260 }}
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('fleet.driver.add')}
          </Button>
        )}
        <Button icon={<DownloadOutlined aria-hidden />} href={driversXlsxUrl()}>
          {t('fleet.export')}
        </Button>
      </Space>
      {drivers.error ? (
        <LoadErrorResult error={drivers.error} onRetry={drivers.reload} />
      ) : (
        <Table<Driver>
          size="small"
          rowKey="id"
          data-testid="drivers"
          loading={drivers.loading}
          dataSource={drivers.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('fleet.driver.empty')} /> }}
          pagination={{
            current: drivers.data?.page ?? 1,
            pageSize: drivers.data?.pageSize ?? 20,
            total: drivers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: t('fleet.driver.name'), dataIndex: 'displayName' },
            { title: t('fleet.driver.username'), dataIndex: 'username' },
            { title: t('fleet.driver.phone'), dataIndex: 'phone', width: 130 },
            { title: t('fleet.driver.licence'), dataIndex: 'licenceClass', width: 100 },
            { title: t('fleet.driver.vehicle'), dataIndex: 'vehiclePlate', width: 120 },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: 90,
              render: (_, d) =>
                d.status === 'active' ? (
                  <Tag color="green">{t('fleet.active')}</Tag>
                ) : (
                  <Tag>{t('fleet.suspended')}</Tag>
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, d: Driver) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(d)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger={d.status === 'active'}
                          onClick={() => toggle(d)}
                        >
                          {d.status === 'active'
                            ? t('fleet.driver.disable')
                            : t('fleet.driver.enable')}
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
        <DriverModal
          driver={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            drivers.reload()
          }}
        />
      )}
    </>
  )
}

function DriverModal({
  driver,
  onClose,
  onSaved,
}: {
  driver: Driver | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<DriverForm>()
  const [saving, setSaving] = useState(false)
  const vehicles = useVehicles(undefined)

  async function save(values: DriverForm) {
    setSaving(true)
    try {
      if (driver)
        await updateDriver(driver.id, {
          displayName: values.displayName.trim(),
          phone: values.phone.trim(),
          licenceClass: values.licenceClass ?? null,
          vehicleId: values.vehicleId ?? null,
        })
      else
        await createDriver({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          phone: values.phone.trim(),
          ...(values.licenceClass ? { licenceClass: values.licenceClass } : {}),
          ...(values.vehicleId ? { vehicleId: values.vehicleId } : {}),
        })
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
      title={driver ? t('fleet.driver.edit') : t('fleet.driver.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DriverForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          displayName: driver?.displayName,
          phone: driver?.phone ?? undefined,
          licenceClass: driver?.licenceClass ?? undefined,
          vehicleId: driver?.vehicleId ?? undefined,
        }}
      >
        {!driver && (
          <Form.Item
            name="username"
            label={t('fleet.driver.username')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: USERNAME, message: t('fleet.driver.usernameInvalid') },
            ]}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('fleet.driver.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {!driver && (
          <Form.Item
            name="password"
            label={t('fleet.driver.password')}
            rules={[
              { required: true, message: t('common.required') },
              { min: MIN_PASSWORD_LENGTH, message: t('fleet.driver.passwordShort') },
            ]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('fleet.driver.phone')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: PHONE_NUMBER, message: t('common.phoneInvalid') },
          ]}
        >
          <Input maxLength={13} />
        </Form.Item>
        <Form.Item name="licenceClass" label={t('fleet.driver.licence')}>
          <Select
            allowClear
            aria-label={t('fleet.driver.licence')}
            options={LICENCE_CLASSES.map((value) => ({ value, label: value }))}
          />
        </Form.Item>
        <Form.Item name="vehicleId" label={t('fleet.driver.vehicle')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('fleet.driver.vehicle')}
            options={(vehicles.data ?? [])
              .filter((v) => v.active)
              .map((v) => ({ value: v.id, label: `${v.plate} ${v.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
