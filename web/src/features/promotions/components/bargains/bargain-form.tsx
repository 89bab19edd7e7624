import { Checkbox, Form, Input, InputNumber } from 'antd'
import { fenToYuanText, yuanToFen } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import {
  createBargain,
  updateBargain,
  type BargainActivity,
  type CreateBargainActivityBody,
} from '../../api/bargains'
import { beijingHourFromNow, beijingIso, beijingPickerValue } from '../shared/beijing-time'
import { useEditedSkuProduct } from '../shared/edited-sku'
import { PromotionFormDrawer } from '../shared/promotion-form-drawer'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'
import { TitleField } from '../shared/title-field'

interface Values extends WindowValues {
  title: string
  productId?: string
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

/** Defaults for a new activity: it runs for a week from the next full hour. */
const newValues = (): Partial<Values> => ({
  helpersNeeded: 5,
  durationHours: 24,
  perUserLaunchLimit: 1,
  helperDailyQuota: 1,
  buyBeforeFloor: false,
  startsAt: beijingHourFromNow(0),
  endsAt: beijingHourFromNow(7 * 24),
})

/** An activity's terms as the form shows them: yuan, hours, Beijing time. */
const toValues = (activity: BargainActivity, productId: string | undefined): Partial<Values> => ({
  title: activity.title,
  ...(productId ? { productId, skuId: activity.skuId } : {}),
  originalPriceYuan: fenToYuanText(activity.originalPriceFen),
  floorPriceYuan: fenToYuanText(activity.floorPriceFen),
  helpersNeeded: activity.helpersNeeded,
  durationHours: Math.round(activity.durationS / 3600),
  stock: activity.stock,
  perUserLaunchLimit: activity.perUserLaunchLimit,
  helperDailyQuota: activity.helperDailyQuota,
  buyBeforeFloor: activity.buyBeforeFloor,
  startsAt: beijingPickerValue(activity.startsAt),
  endsAt: beijingPickerValue(activity.endsAt),
})

/**
 * A new 砍价 activity, which runs in its window (pause it to stop launches and helps); or, given
 * `activity`, the terms of one not yet started to correct.
 */
export function BargainForm({
  activity,
  onClose,
  onSaved,
}: {
  activity?: BargainActivity | undefined
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const [form] = Form.useForm<Values>()
  const sku = useEditedSkuProduct(activity?.skuId)
  const initialValues = sku && (activity ? toValues(activity, sku.products[0]?.value) : newValues())

  const required = { required: true, message: t('common.required') }
  return (
    <PromotionFormDrawer<Values>
      title={t(activity ? 'bargain.edit' : 'bargain.create')}
      form={form}
      initialValues={initialValues}
      editing={Boolean(activity)}
      rename={{
        originalPriceFen: 'originalPriceYuan',
        floorPriceFen: 'floorPriceYuan',
        durationS: 'durationHours',
      }}
      submit={(values) =>
        activity ? updateBargain(activity.id, toBody(values)) : createBargain(toBody(values))
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <TitleField maxLength={60} />
      <SkuFields products={sku?.products} />
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
    </PromotionFormDrawer>
  )
}
