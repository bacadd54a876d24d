import { z } from 'zod';

/** Removes the bot's own @mention, so "<at>Plan- och bygg</at> möten" reads "möten". */
const mentionEntitySchema = z.object({
  type: z.literal('mention'),
  text: z.string().min(1),
  mentioned: z.object({ id: z.string() }),
});

export function stripBotMention(activity: {
  text?: string;
  recipient?: { id: string };
  entities?: readonly unknown[];
}): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention = mentionEntitySchema.safeParse(entity);
    if (mention.success && mention.data.mentioned.id === activity.recipient?.id) {
      text = text.split(mention.data.text).join(' ');
    }
  }
  return text
    .replace(/^\s*<at>[^<]*<\/at>/i, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
