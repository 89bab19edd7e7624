import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, InputNumber } from 'antd'
import { fenToYuanText } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import {
  createFlashSale,
  updateFlashSale,
  type FlashSession,
  type FlashSessionBody,
} from '../../api/flash-sales'
import { beijingHourFromNow, beijingIso, beijingPickerValue } from '../shared/beijing-time'
import { PromotionFormDrawer } from '../shared/promotion-form-drawer'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'
import { TitleField } from '../shared/title-field'

interface SkuValues {
  productId?: string
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

/** Defaults for a new session: two hours from tomorrow's next full hour, one SKU row. */
const newValues = (): Partial<Omit<Values, 'skus'>> & { skus: Partial<SkuValues>[] } => ({
  paymentWindowMinutes: 5,
  perUserLimit: 1,
  startsAt: beijingHourFromNow(24),
  endsAt: beijingHourFromNow(26),
  skus: [{}],
})

/** A session's terms as the form shows them: yuan, minutes, Beijing time. */
const toValues = (session: FlashSession): Partial<Values> => ({
  title: session.title,
  startsAt: beijingPickerValue(session.startsAt),
  endsAt: beijingPickerValue(session.endsAt),
  paymentWindowMinutes: Math.round(session.paymentWindowS / 60),
  perUserLimit: session.perUserLimit,
  skus: session.skus.map((sku) => ({
    productId: sku.productId,
    skuId: sku.skuId,
    salePriceYuan: fenToYuanText(sku.salePriceFen),
    stock: sku.stockTotal,
  })),
})

/**
 * A new flash-sale session (a draft until scheduled) with its SKUs, sale prices and stock; or,
 * given `session` (a draft), its terms to correct.
 */
export function FlashSaleForm({
  session,
  onClose,
  onSaved,
}: {
  session?: FlashSession | undefined
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const [form] = Form.useForm<Values>()
  const products = session?.skus.map((sku) => ({ value: sku.productId, label: sku.title }))

  const required = { required: true, message: t('common.required') }
  return (
    <PromotionFormDrawer<Values>
      title={t(session ? 'flashSale.edit' : 'flashSale.create')}
      form={form}
      initialValues={session ? toValues(session) : newValues()}
      editing={Boolean(session)}
      rename={{ salePriceFen: 'salePriceYuan', paymentWindowS: 'paymentWindowMinutes' }}
      submit={(values) =>
        session ? updateFlashSale(session.id, toBody(values)) : createFlashSale(toBody(values))
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <TitleField maxLength={100} />
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
                <SkuFields name={[field.name]} path={['skus', field.name]} products={products} />
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
    </PromotionFormDrawer>
  )
}
