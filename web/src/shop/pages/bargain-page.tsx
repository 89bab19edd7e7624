import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { formatYuan } from '../../lib/format'
import { useRequest } from '../../lib/use-request'
import { getBargain, helpBargain, type BargainProgress } from '../api/bargains'
import '../bargain.css'
import { BargainShare } from '../components/bargain-share'
import { TimeLeft } from '../components/bargain-time-left'
import { ErrorNote, Loading, PageTitle } from '../components/page-state'
import { useShopSession } from '../shop-session'

// One bargain, for its launcher and the friends it was shared with. Progress is shown in exact
// amounts only — the yuan still to cut and the friends still needed — never as a percentage or
// a bar (a Shanghai court found a rounded "已砍 99%" misleading).

const REFRESH_MS = 15_000

export default function BargainPage() {
  const { id = '' } = useParams()
  const bargain = useRequest((signal) => getBargain(id, signal), id)
  const { reload } = bargain
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS) // friends' cuts arrive meanwhile
    return () => window.clearInterval(timer)
  }, [reload])
  if (bargain.error && !bargain.data) return <ErrorNote error={bargain.error} />
  if (!bargain.data) return <Loading />
  return <BargainView key={bargain.data.id} initial={bargain.data} />
}

function BargainView({ initial }: { initial: BargainProgress }) {
  // A help answers the new progress at once; the page's periodic read replaces it later.
  const [helped, setHelped] = useState<{ cutFen: number; progress: BargainProgress } | null>(null)
  const progress =
    helped && helped.progress.helpsDone > initial.helpsDone ? helped.progress : initial
  const mine = progress.viewer?.isLauncher === true
  const running =
    progress.status === 'open' && Date.parse(progress.expiresAt) > Date.parse(progress.serverTime)

  return (
    <div className="h5-pad">
      <PageTitle>{progress.title}</PageTitle>
      <p className="h5-price h5-price-large" data-testid="bargain-price">
        现价 {formatYuan(progress.currentPriceFen)}
      </p>
      <p className="h5-muted">
        原价 <span className="h5-strike">{formatYuan(progress.originalPriceFen)}</span> · 底价{' '}
        {formatYuan(progress.floorPriceFen)}
      </p>
      <ProgressLine progress={progress} />
      <p className="h5-note" data-testid="bargain-status">
        {progress.text}
      </p>
      {(progress.status === 'open' || progress.status === 'floor_reached') && (
        <TimeLeft endsAt={progress.expiresAt} serverTime={progress.serverTime} />
      )}
      {mine ? (
        <LauncherActions progress={progress} running={running} />
      ) : (
        <HelpAction
          progress={progress}
          running={running}
          helpedFen={helped?.cutFen ?? progress.viewer?.cutFen ?? null}
          onHelped={setHelped}
        />
      )}
      <Helpers progress={progress} />
    </div>
  )
}

/** 已砍 ¥x，还差 ¥y，还需 N 位好友帮砍: whole fen from the server, nothing rounded here. */
function ProgressLine({ progress }: { progress: BargainProgress }) {
  return (
    <p className="h5-progress-line" data-testid="bargain-progress">
      已砍 <strong>{formatYuan(progress.originalPriceFen - progress.currentPriceFen)}</strong>
      ，还差 <strong>{formatYuan(progress.remainingFen)}</strong>，还需{' '}
      <strong>{progress.remainingHelpers}</strong> 位好友帮砍
    </p>
  )
}

function LauncherActions({ progress, running }: { progress: BargainProgress; running: boolean }) {
  return (
    <>
      {running && progress.remainingHelpers > 0 && progress.shareCode && (
        <BargainShare shareCode={progress.shareCode} />
      )}
      {progress.orderId ? (
        <Link className="h5-button h5-block" to={`/h5/orders/${progress.orderId}`}>
          订单待支付，去查看
        </Link>
      ) : (
        progress.canBuyNow && (
          <Link className="h5-button h5-block" to={`/h5/bargains/${progress.id}/buy`}>
            立即购买 {formatYuan(progress.currentPriceFen)}
          </Link>
        )
      )}
      {!progress.canBuyNow && !progress.orderId && running && (
        <p className="h5-muted">砍到底价后即可购买。</p>
      )}
    </>
  )
}

function HelpAction(props: {
  progress: BargainProgress
  running: boolean
  helpedFen: number | null
  onHelped: (help: { cutFen: number; progress: BargainProgress }) => void
}) {
  const { shopper } = useShopSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const { progress } = props

  const help = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await helpBargain(progress.id)
      props.onHelped({ cutFen: result.cutFen, progress: result.progress })
    } catch (reason) {
      setError(reason) // 409/400 with the server's Chinese words: own bargain, helped, quota
    } finally {
      setBusy(false)
    }
  }

  if (props.helpedFen !== null)
    return (
      <p className="h5-note" role="status">
        你已帮砍 {formatYuan(props.helpedFen)}
      </p>
    )
  if (!props.running || progress.remainingHelpers === 0)
    return <p className="h5-muted">这个砍价已不需要帮砍了。</p>
  if (shopper === undefined) return <Loading />
  if (shopper === null)
    return (
      <Link
        className="h5-button h5-block"
        to={`/h5/login?next=${encodeURIComponent(`/h5/bargains/${progress.id}`)}`}
      >
        登录后帮砍一刀
      </Link>
    )
  return (
    <>
      <ErrorNote error={error} />
      <button
        type="button"
        className="h5-button h5-block"
        disabled={busy}
        onClick={() => void help()}
      >
        帮砍一刀
      </button>
    </>
  )
}

function Helpers({ progress }: { progress: BargainProgress }) {
  return (
    <section className="h5-section" aria-labelledby="bargain-helpers">
      <h2 id="bargain-helpers" className="h5-section-title">
        帮砍好友（{progress.helpsDone}/{progress.helpersNeeded}）
      </h2>
      {progress.helpers.length === 0 && <p className="h5-muted">还没有好友帮砍，快去邀请吧。</p>}
      <ul className="h5-list" aria-label="帮砍好友">
        {progress.helpers.map((helper, index) => (
          <li key={`${helper.at}-${String(index)}`} className="h5-line">
            <span className="h5-line-title">{helper.name}</span>
            <span className="h5-price">砍掉 {formatYuan(helper.cutFen)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
