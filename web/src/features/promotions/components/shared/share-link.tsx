import { Typography } from 'antd'

/** The H5 link buyers open (its visits are counted), ready to copy. */
export function ShareLink({ code }: { code: string | null }) {
  if (!code) return <>—</>
  const link = `${window.location.origin}/h5/share/${code}`
  return (
    <Typography.Text copyable={{ text: link }} code>
      {code}
    </Typography.Text>
  )
}
