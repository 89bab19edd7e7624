import { DatePicker, Form } from 'antd'
import type { Dayjs } from 'dayjs'
import { useI18n } from '../../../../lib/i18n'
import { DATE_TIME_FORMAT } from './beijing-time'

export interface WindowValues {
  startsAt?: Dayjs
  endsAt?: Dayjs
}

/** Start and end in Beijing time; the end must come after the start (the server checks too). */
export function WindowFields() {
  const { t } = useI18n()
  const picker = (
    <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} needConfirm={false} />
  )
  return (
    <>
      <Form.Item
        name="startsAt"
        label={t('promotions.startsAt')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        {picker}
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('promotions.endsAt')}
        dependencies={['startsAt']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) => {
              const start = getFieldValue('startsAt') as Dayjs | undefined
              return !start || !end || end.isAfter(start)
                ? Promise.resolve()
                : Promise.reject(new Error(t('promotions.endAfterStart')))
            },
          }),
        ]}
      >
        {picker}
      </Form.Item>
    </>
  )
}
