import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Switch } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { createTeamBuy, type CreateTeamBuyBody } from '../../api/team-buys'
import { showServerFieldErrors } from '../shared/field-errors'
import { beijingHourFromNow, beijingIso } from '../shared/beijing-time'
import { SkuFields } from '../shared/sku-fields'
import { WindowFields, type WindowValues } from '../shared/window-fields'
import { toFen, yuanRule } from '../shared/yuan'

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

/** A new 拼团 activity; it stays a draft until activated. */
export function TeamBuyForm({
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
  const virtualFill = Form.useWatch('virtualFill', form)

  async function save(values: Values) {
    setSaving(true)
    try {
      await createTeamBuy(toBody(values))
      void message.success(t('promotions.created'))
      onCreated()
    } catch (error) {
      const shown = showServerFieldErrors(form, error, {
        teamPriceFen: 'teamPriceYuan',
        ttlS: 'ttlHours',
      })
      if (!shown) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Drawer
      open
      size="large"
      title={t('teamBuy.create')}
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
          teamSize: 2,
          ttlHours: 24,
          perOrderLimit: 1,
          perUserLimit: 1,
          newUserLeaderOnly: false,
          virtualFill: false,
          startsAt: beijingHourFromNow(0),
          endsAt: beijingHourFromNow(7 * 24),
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="title"
          label={t('promotions.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <SkuFields />
        <Form.Item
          name="teamPriceYuan"
          label={t('teamBuy.teamPrice')}
          required
          rules={[yuanRule(t)]}
        >
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
        <Form.Item
          name="perUserLimit"
          label={t('teamBuy.perUserLimit')}
          rules={[{ required: true }]}
        >
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
      </Form>
    </Drawer>
  )
}
