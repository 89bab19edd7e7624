import { Form, Input } from 'antd'
import { useI18n } from '../../../../lib/i18n'

/** The promotion's name as buyers see it; `maxLength` is the server's limit for the kind. */
export function TitleField({ maxLength }: { maxLength: number }) {
  const { t } = useI18n()
  return (
    <Form.Item
      name="title"
      label={t('promotions.title')}
      rules={[{ required: true, whitespace: true, message: t('common.required') }]}
    >
      <Input maxLength={maxLength} />
    </Form.Item>
  )
}
