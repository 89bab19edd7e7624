import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Form, Input, InputNumber } from 'antd'
import { yuanToFen } from '../../../../lib/format'
import { useI18n, type Translate } from '../../../../lib/i18n'
import { yuanRule } from '../shared/yuan'

export interface TierValues {
  minQuantity?: number
  priceYuan?: string
}

/** The ladder's shape: from 0 units, quantities up and prices down (the server checks it too). */
export function ladderProblem(tiers: TierValues[] | undefined, t: Translate): string | null {
  const rows = (tiers ?? []).map((tier) => ({
    quantity: tier.minQuantity,
    fen: yuanToFen(tier.priceYuan ?? ''),
  }))
  if (rows.some((row) => row.quantity === undefined || row.fen === null)) return null // row rules say it
  if (rows[0]?.quantity !== 0) return t('bulkBuy.ladderFirst')
  const ordered = rows.every((row, i) => {
    const before = rows[i - 1]
    return (
      !before ||
      ((row.quantity ?? 0) > (before.quantity ?? 0) && (row.fen ?? 0) < (before.fen ?? 0))
    )
  })
  return ordered ? null : t('bulkBuy.ladderOrder')
}

/** Rows of "from N units, ¥ per unit", at most ten. */
export function LadderEditor() {
  const { t } = useI18n()
  return (
    <Form.List
      name="ladder"
      rules={[
        {
          validator: (_, tiers: TierValues[] | undefined) => {
            const problem = ladderProblem(tiers, t)
            return problem ? Promise.reject(new Error(problem)) : Promise.resolve()
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('bulkBuy.ladder')} required>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item
                name={[field.name, 'minQuantity']}
                label={index === 0 ? t('bulkBuy.tierQuantity') : undefined}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  aria-label={`${t('bulkBuy.tierQuantity')} ${index + 1}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'priceYuan']}
                label={index === 0 ? t('bulkBuy.tierPrice') : undefined}
                rules={[yuanRule(t)]}
              >
                <Input
                  inputMode="decimal"
                  prefix="¥"
                  aria-label={`${t('bulkBuy.tierPrice')} ${index + 1}`}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined aria-hidden />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: index === 0 ? 30 : 0 }}
                />
              )}
            </Flex>
          ))}
          {fields.length < 10 && (
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {t('bulkBuy.addTier')}
            </Button>
          )}
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  )
}
