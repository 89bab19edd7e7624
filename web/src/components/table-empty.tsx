import { Empty } from 'antd'

/** The empty state every list shows, so an empty table reads as "nothing here", not "broken". */
export function TableEmpty({ description }: { description: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />
}
