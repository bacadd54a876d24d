import { DECISION_KINDS } from '../../contract';
import type { MessageKey } from '../i18n';

/** The message of a decision kind; one the contract does not know reads as "all". */
export function kindKey(kind: string): MessageKey {
  return (DECISION_KINDS as readonly string[]).includes(kind) ? (`dec.kind.${kind}` as MessageKey) : 'dec.filter.all';
}
