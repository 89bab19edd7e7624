import { Checkbox, Form, Input, InputNumber, Switch } from 'antd'
import { fenToYuanText } from '../../../../lib/format'
import { useI18n } from '../../../../lib/i18n'
import {
  createTeamBuy,
  updateTeamBuy,
  type CreateTeamBuyBody,
  type TeamBuy,
} from '../../api/team-buys'
import { beijingHourFromNow, beijingIso, beijingPickerValue } from '../shared/beijing-time'
import { PromotionFormDrawer } from '../shared/promotion-form-drawer'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'
import { TitleField } from '../shared/title-field'

interface Values extends WindowValues {
  title: string
  skuId: string
  teamPriceYuan: string
  teamSize: number
  ttlHours: number
  stock: number
  perOrderLimit: number
  perUserLimit: number
  newUserLeaderOnly: boolean
  virtualFill: boolean
  virtualFillMin?: number
}

function toBody(values: Values): CreateTeamBuyBody {
  return {
    skuId: values.skuId,
    title: values.title.trim(),
    teamPriceFen: toFen(values.teamPriceYuan),
    teamSize: values.teamSize,
    ttlS: values.ttlHours * 3600,
    startsAt: values.startsAt ? beijingIso(values.startsAt) : '',
    endsAt: values.endsAt ? beijingIso(values.endsAt) : '',
    stock: values.stock,
    perOrderLimit: values.perOrderLimit,
    perUserLimit: values.perUserLimit,
    newUserLeaderOnly: values.newUserLeaderOnly,
    virtualFillMin: values.virtualFill ? (values.virtualFillMin ?? null) : null,
  }
}

/** Defaults for a new activity: a week from the next full hour, teams of two. */
const newValues = (): Partial<Values> => ({
  teamSize: 2,
  ttlHours: 24,
  perOrderLimit: 1,
  perUserLimit: 1,
  newUserLeaderOnly: false,
  virtualFill: false,
  startsAt: beijingHourFromNow(0),
  endsAt: beijingHourFromNow(7 * 24),
})

/** An activity's terms as the form shows them: yuan, hours, Beijing time. */
const toValues = (activity: TeamBuy): Partial<Values> => ({
  title: activity.title,
  teamPriceYuan: fenToYuanText(activity.teamPriceFen),
  teamSize: activity.teamSize,
  ttlHours: Math.round(activity.ttlS / 3600),
  startsAt: beijingPickerValue(activity.startsAt),
  endsAt: beijingPickerValue(activity.endsAt),
  stock: activity.stock,
  perOrderLimit: activity.perOrderLimit,
  perUserLimit: activity.perUserLimit,
  newUserLeaderOnly: activity.newUserLeaderOnly,
  virtualFill: activity.virtualFillMin !== null,
  ...(activity.virtualFillMin === null ? {} : { virtualFillMin: activity.virtualFillMin }),
})

/**
 * A new 拼团 activity, a draft until activated; or, given `activity` (a draft or paused one), its
 * terms to correct. The SKU of an existing activity stays: its teams are for that SKU.
 */
export function TeamBuyForm({
  activity,
  onClose,
  onSaved,
}: {
  activity?: TeamBuy | undefined
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const [form] = Form.useForm<Values>()
  const virtualFill = Form.useWatch('virtualFill', form)

  return (
    <PromotionFormDrawer<Values>
      title={t(activity ? 'teamBuy.edit' : 'teamBuy.create')}
      form={form}
      initialValues={activity ? toValues(activity) : newValues()}
      editing={Boolean(activity)}
      rename={{ teamPriceFen: 'teamPriceYuan', ttlS: 'ttlHours' }}
      submit={(values) => {
        const { skuId, ...terms } = toBody(values)
        return activity ? updateTeamBuy(activity.id, terms) : createTeamBuy({ skuId, ...terms })
      }}
      onSaved={onSaved}
      onClose={onClose}
    >
      <TitleField maxLength={60} />
      {activity ? (
        <Form.Item label={t('promotions.product')}>
          {activity.productTitle} · {activity.spec}
        </Form.Item>
      ) : (
        <SkuFields />
      )}
      <Form.Item name="teamPriceYuan" label={t('teamBuy.teamPrice')} required rules={[yuanRule(t)]}>
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item name="teamSize" label={t('teamBuy.teamSize')} rules={[{ required: true }]}>
        <InputNumber min={2} max={50} precision={0} />
      </Form.Item>
      <Form.Item name="ttlHours" label={t('teamBuy.ttlHours')} rules={[{ required: true }]}>
        <InputNumber min={1} max={168} precision={0} />
      </Form.Item>
      <WindowFields />
      <Form.Item
        name="stock"
        label={t('promotions.stock')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} precision={0} />
      </Form.Item>
      <Form.Item
        name="perOrderLimit"
        label={t('teamBuy.perOrderLimit')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={99} precision={0} />
      </Form.Item>
      <Form.Item name="perUserLimit" label={t('teamBuy.perUserLimit')} rules={[{ required: true }]}>
        <InputNumber min={1} max={999} precision={0} />
      </Form.Item>
      <Form.Item name="newUserLeaderOnly" valuePropName="checked">
        <Checkbox>{t('teamBuy.newUserLeaderOnly')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="virtualFill"
        label={t('teamBuy.virtualFill')}
        valuePropName="checked"
        extra={t('teamBuy.virtualFillHint')}
      >
        <Switch />
      </Form.Item>
      {virtualFill && (
        <Form.Item
          name="virtualFillMin"
          label={t('teamBuy.virtualFillMin')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={1} max={49} precision={0} />
        </Form.Item>
      )}
    </PromotionFormDrawer>
  )
}
