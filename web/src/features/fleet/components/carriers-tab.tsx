import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { Carrier } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { CREDIT_CODE, PHONE_NUMBER } from '../../../lib/validation'
import { carriersXlsxUrl, createCarrier, updateCarrier, useCarriers } from '../api/fleet'

const PREFIX = /^[A-Z0-9]{1,8}$/

interface CarrierForm {
  name: string
  code?: string
  contactName?: string
  contactPhone?: string
  prefixes: string[]
}

/** 联盟快递: the carriers of the alliance with their waybill prefixes (LOG-2). */
export function CarriersTab() {
  const { t } = useI18n()
  const { modal, message } = App.useApp()
  const { can } = useSession()
  const canEdit = can('network:write')
  const [query, setQuery] = useState({ page: 1, pageSize: 20, q: undefined as string | undefined })
  const carriers = useCarriers(query)
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null)

  function toggle(carrier: Carrier) {
    const suspend = carrier.status === 'active'
    const apply = async () => {
      try {
        await updateCarrier(carrier.id, { status: suspend ? 'suspended' : 'active' })
        void message.success(t('common.saved'))
        carriers.reload()
      } catch (error) {
        void message.error(errorMessage(error, t))
      }
    }
    if (!suspend) return void apply()
    modal.confirm({
      title: t('fleet.carrier.suspendConfirm', { name: carrier.name }),
      okText: t('fleet.carrier.suspend'),
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
          placeholder={t('fleet.carrier.search')}
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
            {t('fleet.carrier.add')}
          </Button>
        )}
        <Button icon={<DownloadOutlined aria-hidden />} href={carriersXlsxUrl()}>
          {t('fleet.export')}
        </Button>
      </Space>
      {carriers.error ? (
        <LoadErrorResult error={carriers.error} onRetry={carriers.reload} />
      ) : (
        <Table<Carrier>
          size="small"
          rowKey="id"
          data-testid="carriers"
          loading={carriers.loading}
          dataSource={carriers.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('fleet.carrier.empty')} /> }}
          pagination={{
            current: carriers.data?.page ?? 1,
            pageSize: carriers.data?.pageSize ?? 20,
            total: carriers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: t('fleet.carrier.name'), dataIndex: 'name' },
            {
              title: t('fleet.carrier.prefixes'),
              dataIndex: 'prefixes',
              render: (_, carrier) =>
                carrier.prefixes.map((prefix) => <Tag key={prefix}>{prefix}</Tag>),
            },
            { title: t('fleet.carrier.contactName'), dataIndex: 'contactName', width: 110 },
            { title: t('fleet.carrier.contactPhone'), dataIndex: 'contactPhone', width: 140 },
            {
              title: t('common.status'),
              dataIndex: 'status',
              width: 90,
              render: (_, carrier) =>
                carrier.status === 'active' ? (
                  <Tag color="green">{t('fleet.active')}</Tag>
                ) : (
                  <Tag>{t('fleet.suspended')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 220,
              render: (_, carrier) => (
                <Space size={0}>
                  {canEdit && (
                    <Button type="link" size="small" onClick={() => setEditing(carrier)}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {canEdit && (
                    <Button
                      type="link"
                      size="small"
                      danger={carrier.status === 'active'}
                      onClick={() => toggle(carrier)}
                    >
                      {carrier.status === 'active'
                        ? t('fleet.carrier.suspend')
                        : t('fleet.carrier.reactivate')}
                    </Button>
                  )}
                  <Link to="/statements">{t('fleet.carrier.feeRule')}</Link>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <CarrierModal
          carrier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            carriers.reload()
          }}
        />
      )}
    </>
  )
}

function CarrierModal({
  carrier,
  onClose,
  onSaved,
}: {
  carrier: Carrier | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<CarrierForm>()
  const [saving, setSaving] = useState(false)

  async function save(values: CarrierForm) {
    setSaving(true)
    const prefixes = values.prefixes.map((prefix) => prefix.trim().toUpperCase())
    try {
      if (carrier)
        await updateCarrier(carrier.id, {
          name: values.name.trim(),
          contactName: values.contactName?.trim() || null,
          contactPhone: values.contactPhone?.trim() || null,
          prefixes,
        })
      else
        await createCarrier({
          name: values.name.trim(),
          prefixes,
          ...(values.code ? { code: values.code.trim() } : {}),
          ...(values.contactName?.trim() ? { contactName: values.contactName.trim() } : {}),
          ...(values.contactPhone?.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
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
      title={carrier ? t('fleet.carrier.edit') : t('fleet.carrier.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CarrierForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          name: carrier?.name,
          contactName: carrier?.contactName ?? undefined,
          contactPhone: carrier?.contactPhone ?? undefined,
          prefixes: carrier?.prefixes ?? [],
        }}
      >
        <Form.Item
          name="name"
          label={t('fleet.carrier.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {!carrier && (
          <Form.Item
            name="code"
            label={t('fleet.carrier.code')}
            rules={[{ pattern: CREDIT_CODE, message: t('fleet.carrier.code') }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item
          name="prefixes"
          label={t('fleet.carrier.prefixes')}
          extra={t('fleet.carrier.prefixesHint')}
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                (value ?? []).every((prefix) => PREFIX.test(prefix.trim().toUpperCase()))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('fleet.carrier.prefixInvalid'))),
            },
          ]}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', ' ', '，']}
            aria-label={t('fleet.carrier.prefixes')}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('fleet.carrier.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('fleet.carrier.contactPhone')}
          rules={[{ pattern: PHONE_NUMBER, message: t('common.phoneInvalid') }]}
        >
          <Input maxLength={13} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
