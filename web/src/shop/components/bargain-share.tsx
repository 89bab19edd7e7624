import { H5_SHARE_TEXTS, ShareQr } from '../../components/share-qr'

/**
 * The link friends open to help: the bargain's share link (MKT-2, so their visits are counted)
 * as a QR code and a URL to copy, or handed to the phone's share sheet when it has one.
 */
export function BargainShare({ shareCode }: { shareCode: string }) {
  const share = async () => {
    try {
      await navigator.share({
        title: '帮我砍一刀',
        url: `${window.location.origin}/h5/share/${shareCode}`,
      })
    } catch {
      // The buyer closed the share sheet: nothing to say.
    }
  }

  return (
    <section aria-label="邀请好友帮砍">
      <ShareQr
        code={shareCode}
        texts={{ ...H5_SHARE_TEXTS, label: '帮砍二维码', copied: '链接已复制，发给好友帮你砍价吧' }}
        buttonClassName="h5-button h5-button-ghost"
      />
      {'share' in navigator && (
        <button type="button" className="h5-button h5-block" onClick={() => void share()}>
          邀请好友帮砍
        </button>
      )}
    </section>
  )
}
