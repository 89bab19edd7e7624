import { randomInt } from 'node:crypto'
import { shanghaiDate } from '../../../shared/clock.js'

/** 20261128 + 10 random digits: readable on a phone, unique by the table's constraint. */
export const newOrderNumber = (now: string): string =>
  `${shanghaiDate(now).replaceAll('-', '')}${String(randomInt(0, 1e10)).padStart(10, '0')}`
