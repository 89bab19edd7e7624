import type { Rule } from 'antd/es/form'
import { yuanToFen } from '../../../../lib/format'
import type { Translate } from '../../../../lib/i18n'

/** A price typed in yuan ("12", "12.5"): at least `minFen` fen once converted. */
export const yuanRule = (t: Translate, minFen = 1): Rule => ({
  validator: (_, value: string | undefined) => {
    const fen = yuanToFen(value ?? '')
    return fen !== null && fen >= minFen
      ? Promise.resolve()
      : Promise.reject(new Error(t('promotions.yuanInvalid')))
  },
})

/** Yuan text as integer fen; only called after yuanRule passed. */
export const toFen = (text: string | undefined): number => yuanToFen(text ?? '') ?? 0
