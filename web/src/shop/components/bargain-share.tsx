import { useState } from 'react'

/** The link friends open to help: copied, or handed to the phone's share sheet when it has one. */
export function BargainShare({ bargainId }: { bargainId: string }) {
  const link = `${window.location.origin}/h5/bargains/${bargainId}`
  const [note, setNote] = useState('')

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setNote('链接已复制，发给好友帮你砍价吧')
    } catch {
      setNote('请长按链接手动复制')
    }
  }
  const share = async () => {
    try {
      await navigator.share({ title: '帮我砍一刀', url: link })
    } catch {
      // The buyer closed the share sheet: nothing to say.
    }
  }

  return (
    <section aria-label="邀请好友帮砍">
      <div className="h5-share">
        <input
          readOnly
          value={link}
          aria-label="帮砍链接"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="h5-button h5-button-ghost" onClick={() => void copy()}>
          复制链接
        </button>
      </div>
      {'share' in navigator && (
        <button type="button" className="h5-button h5-block" onClick={() => void share()}>
          邀请好友帮砍
        </button>
      )}
      {note && (
        <p className="h5-note" role="status">
          {note}
        </p>
      )}
    </section>
  )
}
