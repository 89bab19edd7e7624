import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Drawer, Form, Input, InputNumber } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { createFlashSale, type FlashSessionBody } from '../../api/flash-sales'
import { beijingHourFromNow, beijingIso } from '../shared/beijing-time'
import { showServerFieldErrors } from '../shared/field-errors'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'

interface SkuValues {
  skuId: string
  salePriceYuan: string
  stock: number
}

interface Values extends WindowValues {
  title: string
  paymentWindowMinutes: number
  perUserLimit: number
  skus: SkuValues[]
}

const toBody = (values: Values): FlashSessionBody => ({
  title: values.title.trim(),
  startsAt: values.startsAt ? beijingIso(values.startsAt) : '',
  endsAt: values.endsAt ? beijingIso(values.endsAt) : '',
  paymentWindowS: values.paymentWindowMinutes * 60,
  perUserLimit: values.perUserLimit,
  skus: values.skus.map((sku) => ({
    skuId: sku.skuId,
    salePriceFen: toFen(sku.salePriceYuan),
    stock: sku.stock,
  })),
})

/** A new flash-sale session (a draft until scheduled) with its SKUs, sale prices and stock. */
export function FlashSaleForm({
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
      await createFlashSale(toBody(values))
      void message.success(t('promotions.created'))
      onCreated()
    } catch (error) {
      const shown = showServerFieldErrors(form, error, {
        salePriceFen: 'salePriceYuan',
        paymentWindowS: 'paymentWindowMinutes',
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
      title={t('flashSale.create')}
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
          paymentWindowMinutes: 5,
          perUserLimit: 1,
          startsAt: beijingHourFromNow(24),
          endsAt: beijingHourFromNow(26),
          skus: [{}],
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="title"
          label={t('promotions.title')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <WindowFields />
        <Form.Item
          name="paymentWindowMinutes"
          label={t('flashSale.paymentWindow')}
          rules={[required]}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item name="perUserLimit" label={t('flashSale.perUserLimit')} rules={[required]}>
          <InputNumber min={1} max={99} precision={0} />
        </Form.Item>
        <Form.List name="skus">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`${t('flashSale.skus')} ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('common.remove')}
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <SkuFields name={[field.name]} path={['skus', field.name]} />
                  <Form.Item
                    name={[field.name, 'salePriceYuan']}
                    label={t('flashSale.salePrice')}
                    required
                    rules={[yuanRule(t)]}
                  >
                    <Input inputMode="decimal" prefix="¥" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'stock']}
                    label={t('promotions.stock')}
                    rules={[required]}
                  >
                    <InputNumber min={1} max={1_000_000} precision={0} />
                  </Form.Item>
                </Card>
              ))}
              {fields.length < 50 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({})}
                  block
                >
                  {t('flashSale.addSku')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  )
}
