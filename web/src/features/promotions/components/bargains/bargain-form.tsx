import { App, Button, Checkbox, Drawer, Form, Input, InputNumber } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { yuanToFen } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { createBargain, type CreateBargainActivityBody } from '../../api/bargains'
import { beijingHourFromNow, beijingIso } from '../shared/beijing-time'
import { showServerFieldErrors } from '../shared/field-errors'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'

interface Values extends WindowValues {
  title: string
  skuId: string
  originalPriceYuan: string
  floorPriceYuan: string
  helpersNeeded: number
  durationHours: number
  stock: number
  perUserLaunchLimit: number
  helperDailyQuota: number
  buyBeforeFloor: boolean
}

const toBody = (values: Values): CreateBargainActivityBody => ({
  skuId: values.skuId,
  title: values.title.trim(),
  originalPriceFen: toFen(values.originalPriceYuan),
  floorPriceFen: toFen(values.floorPriceYuan),
  helpersNeeded: values.helpersNeeded,
  durationS: values.durationHours * 3600,
  stock: values.stock,
  perUserLaunchLimit: values.perUserLaunchLimit,
  helperDailyQuota: values.helperDailyQuota,
  buyBeforeFloor: values.buyBeforeFloor,
  startsAt: values.startsAt ? beijingIso(values.startsAt) : '',
  endsAt: values.endsAt ? beijingIso(values.endsAt) : '',
})

/** A new 砍价 activity; it runs at once (pause it to stop launches and helps). */
export function BargainForm({
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

  async function save(values: Values) {
    setSaving(true)
    try {
      await createBargain(toBody(values))
      void message.success(t('promotions.created'))
      onCreated()
    } catch (error) {
      const shown = showServerFieldErrors(form, error, {
        originalPriceFen: 'originalPriceYuan',
        floorPriceFen: 'floorPriceYuan',
        durationS: 'durationHours',
      })
      if (!shown) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  const required = { required: true, message: t('common.required') }
  return (
    <Drawer
      open
      size="large"
      title={t('bargain.create')}
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
          helpersNeeded: 5,
          durationHours: 24,
          perUserLaunchLimit: 1,
          helperDailyQuota: 1,
          buyBeforeFloor: false,
          startsAt: beijingHourFromNow(0),
          endsAt: beijingHourFromNow(7 * 24),
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
        <Form.Item
          name="originalPriceYuan"
          label={t('bargain.originalPrice')}
          required
          rules={[yuanRule(t)]}
        >
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item
          name="floorPriceYuan"
          label={t('bargain.floorPrice')}
          required
          dependencies={['originalPriceYuan']}
          rules={[
            yuanRule(t, 0),
            ({ getFieldValue }) => ({
              validator: (_, floor: string | undefined) => {
                const original = yuanToFen(
                  (getFieldValue('originalPriceYuan') as string | undefined) ?? '',
                )
                const fen = yuanToFen(floor ?? '')
                return original === null || fen === null || fen < original
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('bargain.floorBelowOriginal')))
              },
            }),
          ]}
        >
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="helpersNeeded" label={t('bargain.helpersNeeded')} rules={[required]}>
          <InputNumber min={1} max={200} precision={0} />
        </Form.Item>
        <Form.Item name="durationHours" label={t('bargain.durationHours')} rules={[required]}>
          <InputNumber min={1} max={168} precision={0} />
        </Form.Item>
        <WindowFields />
        <Form.Item name="stock" label={t('promotions.stock')} rules={[required]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="perUserLaunchLimit"
          label={t('bargain.perUserLaunchLimit')}
          rules={[required]}
        >
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="helperDailyQuota" label={t('bargain.helperDailyQuota')} rules={[required]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="buyBeforeFloor" valuePropName="checked">
          <Checkbox>{t('bargain.buyBeforeFloor')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  )
}
