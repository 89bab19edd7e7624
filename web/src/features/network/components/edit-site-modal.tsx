import { App, Form, Input, InputNumber, Modal } from 'antd'
import { useState } from 'react'
import type { Site, UpdateSiteBody } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { showFieldErrors } from '../../../lib/form-errors'
import { useI18n } from '../../../lib/i18n'
import { OPENING_HOURS, PHONE_NUMBER } from '../../../lib/validation'
import { updateSite } from '../api/sites'

interface EditSiteForm {
  name: string
  openingHours: string
  masterName?: string
  masterPhone?: string
  lat?: number | null
  lon?: number | null
}

export function EditSiteModal({
  site,
  onClose,
  onSaved,
}: {
  site: Site
  onClose: () => void
  onSaved: (site: Site) => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<EditSiteForm>()
  const [saving, setSaving] = useState(false)

  async function save(values: EditSiteForm) {
    setSaving(true)
    const body: UpdateSiteBody = {
      name: values.name.trim(),
      openingHours: values.openingHours.trim(),
      masterName: values.masterName?.trim() || null,
      masterPhone: values.masterPhone?.trim() || null,
    }
    // Coordinates cannot be cleared, only set; unchanged ones stay as they are (and approximate).
    if (values.lat != null && values.lat !== site.lat) body.lat = values.lat
    if (values.lon != null && values.lon !== site.lon) body.lon = values.lon
    try {
      const saved = await updateSite(site.id, body)
      void message.success(t('common.saved'))
      onSaved(saved)
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('network.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditSiteForm>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          name: site.name,
          openingHours: site.openingHours,
          masterName: site.masterName ?? undefined,
          masterPhone: site.masterPhone ?? undefined,
          lat: site.lat,
          lon: site.lon,
        }}
      >
        <Form.Item
          name="name"
          label={t('network.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input maxLength={100} />
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
        <Form.Item name="masterName" label={t('network.masterName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="masterPhone"
          label={t('network.masterPhone')}
          rules={[{ pattern: PHONE_NUMBER, message: t('common.phoneInvalid') }]}
        >
          <Input maxLength={13} />
        </Form.Item>
        <Form.Item name="lat" label={t('network.lat')}>
          <InputNumber min={3} max={54} step={0.00001} precision={5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lon" label={t('network.lon')}>
          <InputNumber min={73} max={136} step={0.00001} precision={5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
