import { z } from 'zod';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A wall-clock time in Stockholm, `HH:MM` (wallClock.ts's LocalTime). Apart from wallClock.ts, which the tab's
 * first load uses for dates, so that the first load carries no zod.
 */
export const localTimeSchema = z
  .string({ error: 'Tid saknas.' })
  .regex(TIME_RE, 'Ogiltig tid; ange TT:MM, t.ex. 09:00.');
