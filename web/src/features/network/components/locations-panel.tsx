import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd'
import { useState } from 'react'
import { DivisionCascader } from '../../../components/division-cascader'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { ManagedLocationKind, StockLocation } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n, type MessageKey } from '../../../lib/i18n'
import { useTownships } from '../../../lib/reference-data'
import { OPENING_HOURS, PHONE_NUMBER } from '../../../lib/validation'
import {
  closeLocation,
  createLocation,
  importLocations,
  locationsXlsxUrl,
  locationTemplateUrl,
  reopenLocation,
  updateLocation,
  useLocations,
  type LocationsQuery,
} from '../api/locations'
import { LocationPicker } from './location-picker'
import { SheetImport } from './site-import'

const KINDS: ManagedLocationKind[] = ['store', 'warehouse']
const STATUSES = ['open', 'closed'] as const

const FIELD_LABEL: Record<string, MessageKey> = {
  id: 'locations.id',
  kind: 'network.kind',
  name: 'network.name',
  divisionCode: 'network.division',
  address: 'network.address',
  lat: 'network.lat',
  lon: 'network.lon',
  openingHours: 'network.openingHours',
  contactName: 'locations.contactName',
  contactPhone: 'locations.contactPhone',
}

/** 门店与仓库: the O2O stores and the warehouse, listed, created, edited, closed and reopened. */
export function LocationsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const townships = useTownships()
  const [query, setQuery] = useState<LocationsQuery>({ page: 1, pageSize: 20 })
  const locations = useLocations(query)
  const [editing, setEditing] = useState<StockLocation | 'new' | null>(null)
  const filter = {
    q: query.q,
    kind: query.kind,
    status: query.status,
    townshipCode: query.townshipCode,
  }
  const setFilter = (change: Partial<LocationsQuery>) =>
    setQuery((current) => ({ ...current, ...change, page: 1 }))

  async function toggle(location: StockLocation) {
    try {
      const saved =
        location.status === 'open'
          ? await closeLocation(location.id)
          : await reopenLocation(location.id)
      void message.success(
        t(saved.status === 'open' ? 'network.reopened' : 'network.closed', { name: saved.name }),
      )
      locations.reload()
    } catch (error) {
      void message.error(errorMessage(error, t))
    }
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('locations.searchPlaceholder')}
          aria-label={t('locations.search')}
          onSearch={(value) => setFilter({ q: value.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select<ManagedLocationKind>
          allowClear
          placeholder={t('network.filterKind')}
          aria-label={t('locations.filterKind')}
          onChange={(kind) => setFilter({ kind })}
          options={KINDS.map((value) => ({ value, label: t(`locations.kind.${value}`) }))}
          style={{ width: 120 }}
        />
        <Select<'open' | 'closed'>
          allowClear
          placeholder={t('network.filterStatus')}
          aria-label={t('locations.filterStatus')}
          onChange={(status) => setFilter({ status })}
          options={STATUSES.map((value) => ({ value, label: t(`network.status.${value}`) }))}
          style={{ width: 120 }}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('network.filterTownship')}
          aria-label={t('locations.filterTownship')}
          onChange={(townshipCode) => setFilter({ townshipCode })}
          options={townships.map((township) => ({ value: township.code, label: township.name }))}
          style={{ width: 140 }}
        />
        <Button icon={<DownloadOutlined aria-hidden />} href={locationsXlsxUrl(filter)}>
          {t('network.export')}
        </Button>
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('locations.create')}
          </Button>
        )}
      </Space>
      {locations.error ? (
        <LoadErrorResult error={locations.error} onRetry={locations.reload} />
      ) : (
        <Table<StockLocation>
          size="small"
          rowKey="id"
          loading={locations.loading}
          dataSource={locations.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('locations.empty')} /> }}
          pagination={{
            current: locations.data?.page ?? 1,
            pageSize: locations.data?.pageSize ?? 20,
            total: locations.data?.total ?? 0,
            showSizeChanger: true,
            size: 'small',
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: t('network.name'), dataIndex: 'name', ellipsis: true },
            {
              title: t('network.kind'),
              key: 'kind',
              width: 90,
              render: (_, l) =>
                l.kind === 'store' || l.kind === 'warehouse' ? t(`locations.kind.${l.kind}`) : '—',
            },
            { title: t('network.address'), dataIndex: 'address', ellipsis: true },
            { title: t('network.openingHours'), dataIndex: 'openingHours', width: 110 },
            {
              title: t('locations.contact'),
              key: 'contact',
              width: 170,
              render: (_, l) => [l.contactName, l.contactPhone].filter(Boolean).join(' ') || '—',
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 90,
              render: (_, l) => (
                <Tag color={l.status === 'open' ? 'green' : 'default'}>
                  {t(`network.status.${l.status}`)}
                </Tag>
              ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, l: StockLocation) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(l)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t(
                            l.status === 'open' ? 'network.closeConfirm' : 'network.reopenConfirm',
                            { name: l.name },
                          )}
                          description={
                            l.status === 'open' ? t('locations.closeExplain') : undefined
                          }
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => void toggle(l)}
                        >
                          <Button type="link" size="small" danger={l.status === 'open'}>
                            {t(l.status === 'open' ? 'locations.close' : 'network.reopen')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && (
        <SheetImport
          title={t('locations.import')}
          hint={t('locations.importHint')}
          upload={importLocations}
          templateUrl={locationTemplateUrl}
          fieldLabels={FIELD_LABEL}
          testId="location-import-result"
          onImported={locations.reload}
        />
      )}
      {editing && (
        <LocationFormModal
          location={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            locations.reload()
          }}
        />
      )}
    </>
  )
}

interface LocationForm {
  kind: ManagedLocationKind
  name: string
  divisionCode?: string | null
  address: string
  openingHours: string
  contactName?: string
  contactPhone?: string
  lat?: number | null
  lon?: number | null
}

function LocationFormModal({
  location,
  onClose,
  onSaved,
}: {
  location: StockLocation | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<LocationForm>()
  const [saving, setSaving] = useState(false)
  const lat = Form.useWatch('lat', form)
  const lon = Form.useWatch('lon', form)

  async function save(values: LocationForm) {
    setSaving(true)
    const body = {
      name: values.name.trim(),
      divisionCode: values.divisionCode ?? '',
      address: values.address.trim(),
      openingHours: values.openingHours.trim(),
      contactName: values.contactName?.trim() || null,
      contactPhone: values.contactPhone?.trim() || null,
      ...(values.lat != null && values.lon != null ? { lat: values.lat, lon: values.lon } : {}),
    }
    try {
      if (location) await updateLocation(location.id, body)
      else await createLocation({ ...body, kind: values.kind })
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
      width={760}
      title={location ? t('locations.edit') : t('locations.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<LocationForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          location
            ? {
                kind: location.kind === 'warehouse' ? 'warehouse' : 'store',
                name: location.name,
                divisionCode: location.divisionCode,
                address: location.address,
                openingHours: location.openingHours,
                contactName: location.contactName ?? undefined,
                contactPhone: location.contactPhone ?? undefined,
                lat: location.lat,
                lon: location.lon,
              }
            : { kind: 'store', openingHours: '09:00-21:00' }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('network.kind')} rules={[{ required: true }]}>
              <Select<ManagedLocationKind>
                disabled={location !== null}
                options={KINDS.map((value) => ({ value, label: t(`locations.kind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('network.name')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="divisionCode"
              label={t('network.division')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DivisionCascader />
            </Form.Item>
            <Form.Item
              name="address"
              label={t('network.address')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="openingHours"
              label={t('network.openingHours')}
              extra={t('network.openingHoursHint')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: OPENING_HOURS, message: t('network.openingHoursInvalid') },
              ]}
            >
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="contactName" label={t('locations.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('locations.contactPhone')}
              rules={[{ pattern: PHONE_NUMBER, message: t('common.phoneInvalid') }]}
            >
              <Input maxLength={13} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="lat" label={t('network.lat')}>
                  <InputNumber min={3} max={54} precision={6} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lon" label={t('network.lon')}>
                  <InputNumber min={73} max={136} precision={6} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <LocationPicker
              lat={lat}
              lon={lon}
              onPick={(pickedLat, pickedLon) =>
                form.setFieldsValue({ lat: pickedLat, lon: pickedLon })
              }
            />
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
