/** Who calls: a validated token mapped to a person of Kontakter and their roles. */
export { addressOfUpn, CallerDirectory, meView } from './callers';
export type { Caller } from './callers';
