// What other modules may use of the accounts (issue 13).
export { displayNamesOf } from './display-names.js'
