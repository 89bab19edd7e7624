import { App, Button, Input, Select, Space, Table } from 'antd'
import { PageHeader } from '../../../components/page-header'
import { LoadErrorResult } from '../../../components/status-result'
import { TableEmpty } from '../../../components/table-empty'
import type { SmsMessage, SmsStatus } from '../../../lib/api-types'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useI18n } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { useListParams } from '../../../lib/use-list-params'
import { retrySms, useSmsLog } from '../api/sms'
import { LoginCodeSurgeAlert } from './login-code-surge-alert'
import { SmsStatusTag } from './sms-status-tag'
import { pagePagination } from '../../../lib/page-pagination'

const STATUSES: SmsStatus[] = ['pending', 'sending', 'sent', 'failed']
const TEMPLATES = ['parcel_arrived', 'pickup_reminder', 'login_code'] as const
type Template = (typeof TEMPLATES)[number]
const isKnownTemplate = (key: string): key is Template =>
  (TEMPLATES as readonly string[]).includes(key)

/** What was texted to whom (masked), what failed and why; a failed text can be sent again. */
export function SmsLogPage() {
  const { t, language } = useI18n()
  const { message, modal } = App.useApp()
  const { can } = useSession()
  const list = useListParams(['status', 'phoneTail'] as const)
  const sms = useSmsLog({
    page: list.page,
    pageSize: list.pageSize,
    status: list.filters.status as SmsStatus | undefined,
    phoneTail: list.filters.phoneTail,
  })

  function confirmRetry(text: SmsMessage) {
    modal.confirm({
      title: t('sms.retryConfirm', { phone: text.phone }),
      content: text.body,
      okText: t('sms.retry'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await retrySms(text.id)
          void message.success(t('sms.retried'))
        } catch (error) {
          void message.error(errorMessage(error, t))
        }
        sms.reload()
      },
    })
  }

  return (
    <>
      <PageHeader title={t('nav.smsLog')} />
      <LoginCodeSurgeAlert enabled={can('audit:read')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.phoneTail ?? ''}
          defaultValue={list.filters.phoneTail}
          allowClear
          maxLength={4}
          inputMode="numeric"
          placeholder={t('sms.phoneTail')}
          aria-label={t('sms.phoneTail')}
          onSearch={(value) => {
            const tail = value.trim()
            if (tail && !/^\d{4}$/.test(tail)) void message.warning(t('sms.phoneTailInvalid'))
            else list.setFilter('phoneTail', tail || undefined)
          }}
          style={{ width: 220 }}
        />
        <Select<SmsStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={list.filters.status as SmsStatus | undefined}
          onChange={(status) => list.setFilter('status', status)}
          options={STATUSES.map((status) => ({ value: status, label: t(`sms.status.${status}`) }))}
          style={{ width: 160 }}
        />
      </Space>
      {sms.error ? (
        <LoadErrorResult error={sms.error} onRetry={sms.reload} />
      ) : (
        <Table<SmsMessage>
          rowKey="id"
          loading={sms.loading}
          dataSource={sms.data?.items ?? []}
          locale={{ emptyText: <TableEmpty description={t('sms.empty')} /> }}
          scroll={{ x: 'max-content' }}
          pagination={pagePagination(sms.data, list.setPage, t)}
          columns={[
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at, language),
            },
            { title: t('sms.phone'), dataIndex: 'phone' },
            {
              title: t('sms.template'),
              dataIndex: 'template',
              // A template added on the server before its name here still shows, by its key.
              render: (key: string) => (isKnownTemplate(key) ? t(`sms.template.${key}`) : key),
            },
            {
              title: t('sms.body'),
              dataIndex: 'body',
              width: 320,
              render: (body: string | null) => body ?? t('common.none'),
            },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (status: SmsStatus) => <SmsStatusTag status={status} />,
            },
            { title: t('sms.attempts'), dataIndex: 'attempts', align: 'right' },
            {
              title: t('sms.sentAt'),
              dataIndex: 'sentAt',
              render: (at: string | null) => formatDateTime(at, language),
            },
            {
              title: t('sms.lastError'),
              dataIndex: 'lastError',
              render: (error: string | null) => error ?? t('common.none'),
            },
            ...(can('notifications:manage')
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, text: SmsMessage) =>
                      text.status === 'failed' && (
                        <Button type="link" size="small" onClick={() => confirmRetry(text)}>
                          {t('sms.retry')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  )
}
