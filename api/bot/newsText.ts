import { z } from 'zod';
import { isBlankText, textCharacterIssue } from '../../src/domain';

/** A news item's text (`nyhet …` and the news form): trimmed, not blank, at most 2 000 UTF-16 units. */
const NEWS_MAX_LENGTH = 2000;
export const newsTextSchema = z
  .string({ error: 'Nyheten saknar text.' })
  .trim()
  .min(1, 'Skriv nyhetens text efter kommandot, t.ex. ”nyhet Ny vägledning om brandskydd”.')
  .superRefine((value, ctx) => {
    // UTF-16 units (zod's max counts code points).
    if (value.length > NEWS_MAX_LENGTH)
      ctx.addIssue({ code: 'custom', message: `Nyheten får vara högst ${NEWS_MAX_LENGTH} tecken.` });
    else if (isBlankText(value))
      ctx.addIssue({
        code: 'custom',
        message: 'Skriv nyhetens text efter kommandot, t.ex. ”nyhet Ny vägledning om brandskydd”.',
      });
    else {
      const problem = textCharacterIssue(value, 'multiLine');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });
