import { App, Button, Drawer, Form, Input } from 'antd'
import { useState } from 'react'
import { DivisionCascader } from '../../../../components/division-cascader'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { createEvent, updateEvent, type EventBody, type PromotionEvent } from '../../api/events'
import { beijingIso, beijingPickerValue } from '../shared/beijing-time'
import { showServerFieldErrors } from '../shared/field-errors'
import { ProductSelect } from '../shared/product-select'
import { WindowFields, type WindowValues } from '../shared/window-fields'

interface Values extends WindowValues {
  title: string
  place: string
  divisionCode: string
  description?: string
  productIds?: string[]
}

const toBody = (values: Values): EventBody => ({
  title: values.title.trim(),
  place: values.place.trim(),
  divisionCode: values.divisionCode,
  startsAt: values.startsAt ? beijingIso(values.startsAt) : '',
  endsAt: values.endsAt ? beijingIso(values.endsAt) : '',
  description: values.description?.trim() ?? '',
  productIds: values.productIds ?? [],
})

/** Plans an offline event, or edits one still planned. */
export function EventForm({
  event,
  onClose,
  onSaved,
}: {
  event?: PromotionEvent
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)

  async function save(values: Values) {
    setSaving(true)
    try {
      await (event ? updateEvent(event.id, toBody(values)) : createEvent(toBody(values)))
      void message.success(t('common.saved'))
      onSaved()
    } catch (error) {
      if (!showServerFieldErrors(form, error)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  const required = { required: true, whitespace: true, message: t('common.required') }
  return (
    <Drawer
      open
      size="large"
      title={event ? t('event.edit') : t('event.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          event && {
            title: event.title,
            place: event.place,
            divisionCode: event.divisionCode,
            description: event.description,
            productIds: event.products.map((product) => product.id),
            startsAt: beijingPickerValue(event.startsAt),
            endsAt: beijingPickerValue(event.endsAt),
          }
        }
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="title" label={t('promotions.title')} rules={[required, { min: 2 }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="place" label={t('event.place')} rules={[required, { min: 2 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('event.division')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DivisionCascader />
        </Form.Item>
        <WindowFields />
        <Form.Item name="description" label={t('event.description')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="productIds" label={t('event.products')}>
          <ProductSelect
            multiple
            initialOptions={event?.products.map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
