import { App, Button, Drawer, Form, Spin, type FormInstance } from 'antd'
import { useState, type ReactNode } from 'react'
import { errorMessage } from '../../../../lib/error-message'
import { useI18n } from '../../../../lib/i18n'
import { showServerFieldErrors } from './field-errors'

/**
 * The drawer every promotion form opens in, to create a promotion or edit one: its 保存 submits
 * the form (no second confirmation), and the server's field errors land beside the fields
 * (`rename` maps the server's fen / seconds names to the form's). While an edited promotion's
 * values are still loading (`initialValues` undefined) it shows a spinner.
 */
export function PromotionFormDrawer<Values extends object>({
  title,
  form,
  initialValues,
  editing,
  rename,
  submit,
  onSaved,
  onClose,
  children,
}: {
  title: string
  form: FormInstance<Values>
  /** The fields' first values (a list's rows may be partial); undefined while loading. */
  initialValues: object | undefined
  editing: boolean
  rename?: Record<string, string>
  submit: (values: Values) => Promise<unknown>
  onSaved: () => void
  onClose: () => void
  children: ReactNode
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [saving, setSaving] = useState(false)

  async function save(values: Values) {
    setSaving(true)
    try {
      await submit(values)
      void message.success(t(editing ? 'promotions.saved' : 'promotions.created'))
      onSaved()
    } catch (error) {
      if (!showServerFieldErrors(form, error, rename)) void message.error(errorMessage(error, t))
      setSaving(false)
    }
  }

  return (
    <Drawer
      open
      size="large"
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={saving}
          disabled={!initialValues}
          onClick={() => form.submit()}
        >
          {t('common.save')}
        </Button>
      }
    >
      {initialValues ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void save(values)}
        >
          {children}
        </Form>
      ) : (
        <Spin />
      )}
    </Drawer>
  )
}
