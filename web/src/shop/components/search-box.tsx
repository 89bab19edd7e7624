import { useState, type SubmitEvent } from 'react'
import { useNavigate } from 'react-router-dom'

export function SearchBox({ initial = '' }: { initial?: string }) {
  const [text, setText] = useState(initial)
  const navigate = useNavigate()
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    void navigate(`/h5/search?q=${encodeURIComponent(text.trim())}`)
  }
  return (
    <form role="search" className="h5-search" onSubmit={submit}>
      <input
        type="search"
        aria-label="搜索商品"
        placeholder="搜索台蘑、小米、素茶…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        enterKeyHint="search"
      />
      <button type="submit" className="h5-button">
        搜索
      </button>
    </form>
  )
}
