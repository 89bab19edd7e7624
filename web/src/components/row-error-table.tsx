import { Table } from 'antd'
import type { RowError } from '../lib/api-types'
import { useI18n } from '../lib/i18n'
import { TableEmpty } from './table-empty'

/** The rows of an uploaded file that failed, with the reason in the UI language. */
export function RowErrorTable({
  errors,
  fieldLabel,
}: {
  errors: RowError[]
  /** The server names fields as in its API; people see the file's column headers. */
  fieldLabel: (field: string) => string
}) {
  const { t, language } = useI18n()
  return (
    <Table<RowError>
      size="small"
      rowKey={(error) => `${error.row}-${error.field}`}
      title={() => t('manifests.errors')}
      dataSource={errors}
      pagination={errors.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: <TableEmpty description={t('manifests.noErrors')} /> }}
      columns={[
        { title: t('manifests.row'), dataIndex: 'row', width: 80 },
        {
          title: t('manifests.field'),
          dataIndex: 'field',
          width: 180,
          render: (_, error) => fieldLabel(error.field),
        },
        {
          title: t('manifests.message'),
          key: 'message',
          render: (_, error) => (language === 'en' ? error.message : error.messageZh),
        },
      ]}
    />
  )
}
