import type { Bilingual } from '../../shared/errors.js'

// GB/T 2260: a county-level code is six digits, 省 (2) + 地级 (2) + 县级 (2). The province part is
// one of the provinces' codes; the prefecture and county parts are not 00 (those name the province
// or the prefecture itself). 71 (Taiwan), 81 and 82 (Hong Kong, Macao) have no counties coded here.

const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', // 华北
  '21', '22', '23', // 东北
  '31', '32', '33', '34', '35', '36', '37', // 华东
  '41', '42', '43', '44', '45', '46', // 中南
  '50', '51', '52', '53', '54', // 西南
  '61', '62', '63', '64', '65', // 西北
]) // prettier-ignore

/** Why `code` is not a county-level GB/T 2260 code; null when it is one. */
export function countyCodeProblem(code: string): Bilingual | null {
  if (!/^\d{6}$/.test(code))
    return { en: 'A county code is six digits (GB/T 2260)', zh: '县级代码为 6 位数字（GB/T 2260）' }
  if (!PROVINCE_CODES.has(code.slice(0, 2)))
    return {
      en: `${code.slice(0, 2)} is not a province's code`,
      zh: `${code.slice(0, 2)} 不是省级行政区代码`,
    }
  if (code.slice(2, 4) === '00' || code.slice(4) === '00')
    return {
      en: 'This code names a province or a prefecture, not a county',
      zh: '该代码是省级或地级代码，不是县级代码',
    }
  return null
}
