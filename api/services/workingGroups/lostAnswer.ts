/** The journal's activity id of a welcome card whose answer was lost: perhaps posted, never posted twice. */
export const UNKNOWN_ACTIVITY = 'okänt';

export { answerMayBeLost } from '../ports';
