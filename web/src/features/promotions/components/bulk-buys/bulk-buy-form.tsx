import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import { createBulkBuy, type CreateBulkBuyBody } from '../../api/bulk-buys'
import { listStores } from '../../api/catalog'
import { beijingHourFromNow, beijingIso } from '../shared/beijing-time'
import { showServerFieldErrors } from '../shared/field-errors'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen } from '../shared/yuan'
import { LadderEditor, type TierValues } from './ladder-editor'

interface Values extends WindowValues {
  title: string
  skuId: string
  ladder: TierValues[]
  minQuantity: number
  cap: number
  perUserMax: number
  pickupLocationId?: string
  pickupDate?: Dayjs
  open: boolean
}

const toBody = (values: Values): CreateBulkBuyBody => ({
  skuId: values.skuId,
  title: values.title.trim(),
  ladder: values.ladder.map((tier) => ({
    minQuantity: tier.minQuantity ?? 0,
    priceFen: toFen(tier.priceYuan),
  })),
  minQuantity: values.minQuantity,
  cap: values.cap,
  perUserMax: values.perUserMax,
  startsAt: values.startsAt ? beijingIso(values.startsAt) : '',
  endsAt: values.endsAt ? beijingIso(values.endsAt) : '',
  ...(values.pickupLocationId ? { pickupLocationId: values.pickupLocationId } : {}),
  ...(values.pickupLocationId && values.pickupDate
    ? { pickupDate: values.pickupDate.format('YYYY-MM-DD') }
    : {}),
  open: values.open,
})

/** A new 团购 campaign with its price ladder; open at once or kept as a draft. */
export function BulkBuyForm({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const stores = useRequest(listStores, 'stores')
  const pickupLocationId = Form.useWatch('pickupLocationId', form)

  async function save(values: Values) {
    setSaving(true)
    try {
      await createBulkBuy(toBody(values))
      void message.success(t('promotions.created'))
      onCreated()
    } catch (error) {
      if (!showServerFieldErrors(form, error, { priceFen: 'priceYuan' }))
        void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  const required = { required: true, message: t('common.required') }
  return (
    <Drawer
      open
      size="large"
      title={t('bulkBuy.create')}
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
        initialValues={{
          ladder: [{ minQuantity: 0 }],
          perUserMax: 10,
          open: true,
          startsAt: beijingHourFromNow(0),
          endsAt: beijingHourFromNow(3 * 24),
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="title"
          label={t('promotions.title')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <SkuFields />
        <LadderEditor />
        <Form.Item name="minQuantity" label={t('bulkBuy.minQuantity')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="cap" label={t('bulkBuy.cap')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="perUserMax" label={t('bulkBuy.perUserMax')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <WindowFields />
        <Form.Item name="pickupLocationId" label={t('bulkBuy.pickupStore')}>
          <Select
            allowClear
            loading={stores.loading}
            options={(stores.data ?? []).map((store) => ({ value: store.id, label: store.name }))}
          />
        </Form.Item>
        {pickupLocationId && (
          <Form.Item name="pickupDate" label={t('bulkBuy.pickupDate')}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="open" valuePropName="checked">
          <Checkbox>{t('bulkBuy.openNow')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  )
}
