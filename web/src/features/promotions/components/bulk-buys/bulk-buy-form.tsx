import { Checkbox, DatePicker, Form, InputNumber, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { fenToYuanText } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import { useRequest } from '../../../../lib/use-request'
import {
  createBulkBuy,
  updateBulkBuy,
  type BulkBuy,
  type CreateBulkBuyBody,
} from '../../api/bulk-buys'
import { listStores } from '../../api/catalog'
import { beijingHourFromNow, beijingIso, beijingPickerValue } from '../shared/beijing-time'
import { useEditedSkuProduct } from '../shared/edited-sku'
import { PromotionFormDrawer } from '../shared/promotion-form-drawer'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen } from '../shared/yuan'
import { LadderEditor, type TierValues } from './ladder-editor'
import { TitleField } from '../shared/title-field'

interface Values extends WindowValues {
  title: string
  productId?: string
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

/** Defaults for a new campaign: open at once, three days from the next full hour. */
const newValues = (): Partial<Values> => ({
  ladder: [{ minQuantity: 0 }],
  perUserMax: 10,
  open: true,
  startsAt: beijingHourFromNow(0),
  endsAt: beijingHourFromNow(3 * 24),
})

/** A campaign's terms as the form shows them: yuan, Beijing time. */
const toValues = (campaign: BulkBuy, productId: string | undefined): Partial<Values> => ({
  title: campaign.title,
  ...(productId ? { productId, skuId: campaign.skuId } : {}),
  ladder: campaign.ladder.map((tier) => ({
    minQuantity: tier.minQuantity,
    priceYuan: fenToYuanText(tier.priceFen),
  })),
  minQuantity: campaign.minQuantity,
  cap: campaign.cap,
  perUserMax: campaign.perUserMax,
  startsAt: beijingPickerValue(campaign.startsAt),
  endsAt: beijingPickerValue(campaign.endsAt),
  ...(campaign.pickupLocationId ? { pickupLocationId: campaign.pickupLocationId } : {}),
  ...(campaign.pickupDate ? { pickupDate: dayjs(campaign.pickupDate) } : {}),
})

/**
 * A new 团购 campaign with its price ladder, open at once or kept as a draft; or, given
 * `campaign`, that draft or not-yet-started campaign's terms to correct.
 */
export function BulkBuyForm({
  campaign,
  onClose,
  onSaved,
}: {
  campaign?: BulkBuy | undefined
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const [form] = Form.useForm<Values>()
  const stores = useRequest(listStores, 'stores')
  const pickupLocationId = Form.useWatch('pickupLocationId', form)
  const sku = useEditedSkuProduct(campaign?.skuId)
  const initialValues = sku && (campaign ? toValues(campaign, sku.products[0]?.value) : newValues())

  const required = { required: true, message: t('common.required') }
  return (
    <PromotionFormDrawer<Values>
      title={t(campaign ? 'bulkBuy.edit' : 'bulkBuy.create')}
      form={form}
      initialValues={initialValues}
      editing={Boolean(campaign)}
      rename={{ priceFen: 'priceYuan' }}
      submit={(values) =>
        campaign ? updateBulkBuy(campaign.id, toBody(values)) : createBulkBuy(toBody(values))
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <TitleField maxLength={60} />
      <SkuFields products={sku?.products} />
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
      {!campaign && (
        <Form.Item name="open" valuePropName="checked">
          <Checkbox>{t('bulkBuy.openNow')}</Checkbox>
        </Form.Item>
      )}
    </PromotionFormDrawer>
  )
}
