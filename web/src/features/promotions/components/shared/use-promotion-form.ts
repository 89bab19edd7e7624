import { useState } from 'react'

/**
 * Which form a list page shows: none, a new promotion's, or one promotion's to edit. `open` is
 * true for either; `editing` is the promotion being edited.
 */
export function usePromotionForm<T>() {
  const [state, setState] = useState<{ editing?: T } | undefined>()
  return {
    open: state !== undefined,
    editing: state?.editing,
    create: () => setState({}),
    edit: (promotion: T) => setState({ editing: promotion }),
    close: () => setState(undefined),
  }
}
