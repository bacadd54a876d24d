import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { z } from 'zod';
import {
  ACTIONS,
  ASSIGNMENT_STATUSES,
  ForbiddenError,
  VOTE_VALUES,
  requireRole,
  toIsoDate,
  type MeetingGroup,
  type Person,
  type VoteValue,
} from '../../src/domain';
import {
  ASSIGNMENT_CARD_REPORT_MAX,
  agendaCard,
  activitiesCard,
  assignmentsCard,
  activityScopeLabel,
  contactsCard,
  errorCard,
  meetingConvenedCard,
  meetingsCard,
  newsCard,
  newsFormCard,
  newsPostedCard,
  outcomeBookedCard,
  pollCard,
  protocolApprovalCard,
  refusalCard,
  reportInputId,
  statusCard,
  statusInputId,
} from '../cards/cards';
import { helpCard } from './helpCard';
import {
  CONVENE_USAGE,
  OUTCOME_USAGE,
  newsTextSchema,
  parseCommand,
  type CommandDefinition,
  type ConveneRequest,
  type ParsedCommand,
} from './commands';
import type { BotDeps } from './deps';
import { answerMayBeLost, type ProactiveSender } from '../services/ports';
import { appointWorkingGroupFormCard, workingGroupsListCard } from '../services/workingGroups';

// Working-group cards are plain Adaptive Card JSON built beside the service (no SDK type there).
const asCard = (json: Record<string, unknown>) => json as unknown as IAdaptiveCard;

export interface Reply {
  card: IAdaptiveCard;
  /** Plain text for notifications and clients that cannot show the card. */
  summary: string;
}

export interface RunEnvironment {
  deps: BotDeps;
  proactive: ProactiveSender;
}

function reply(card: IAdaptiveCard, summary: string): Reply {
  return { card, summary };
}

function refusal(definition: CommandDefinition, sender: Person): Reply | undefined {
  if (!definition.action) return undefined;
  try {
    requireRole(sender.roles, definition.action);
    return undefined;
  } catch (error) {
    if (error instanceof ForbiddenError) return reply(refusalCard(error.message), error.message);
    throw error;
  }
}

/** Runs what a sender typed (bot mention already removed) and returns the card to answer with. */
export async function runText(text: string, sender: Person | undefined, env: RunEnvironment): Promise<Reply> {
  if (!sender) return reply(helpCard({}), 'Du finns inte i kontaktlistan.');
  const organisations = await env.deps.listOrganisations();
  const result = parseCommand(text, { organisations });
  if (!result.ok) {
    // The coordinator may write just "nyhet" to get the form instead of an error.
    if (result.definition?.name === 'nyhet' && text.trim().split(/\s+/).length === 1) {
      return refusal(result.definition, sender) ?? reply(newsFormCard(), 'Skriv nyheten i formuläret.');
    }
    return reply(helpCard({ person: sender, problem: result.problem }), result.problem);
  }
  const refused = refusal(result.definition, sender);
  if (refused) return refused;
  return runParsed(result.parsed, sender, env);
}

async function runParsed(parsed: ParsedCommand, sender: Person, env: RunEnvironment): Promise<Reply> {
  const { deps } = env;
  const now = deps.clock.now();
  switch (parsed.command) {
    case 'hjälp':
      return reply(helpCard({ person: sender }), 'Hjälp: vad du kan göra med boten.');
    case 'möten': {
      const meetings = await deps.upcomingMeetings(now);
      return reply(meetingsCard(meetings, deps.tabLinks), `${meetings.length} kommande möten.`);
    }
    case 'dagordning':
      return showAgenda(parsed.group, sender, env);
    case 'uppdrag':
      return showAssignments(sender, env);
    case 'kontakter': {
      const [people, organisations] = await Promise.all([deps.listPeople(), deps.listOrganisations()]);
      return reply(contactsCard(people, organisations, parsed.organisationId, deps.tabLinks), 'Kontaktlistan.');
    }
    case 'lägesrapport': {
      const today = toIsoDate(now);
      const year = parsed.year ?? Number(today.slice(0, 4));
      const report = await deps.budgetStatus(year, today);
      return reply(statusCard(report, deps.tabLinks, report.exceptions), `Ekonomisk lägesrapport ${year}.`);
    }
    case 'aktiviteter': {
      const year = Number(toIsoDate(now).slice(0, 4));
      const activities = await deps.listActivities({
        year,
        ...(parsed.month !== undefined ? { month: parsed.month } : {}),
        ...(parsed.area !== undefined ? { area: parsed.area } : {}),
      });
      return reply(
        activitiesCard(activities, activityScopeLabel(year, parsed.month, parsed.area), deps.tabLinks),
        `${activities.length} aktiviteter.`,
      );
    }
    case 'nyhet':
      return postNews(parsed.text, sender, env);
    case 'utfall': {
      if (!deps.bookOutcome) {
        return reply(
          errorCard('Utfall kan inte bokföras', 'Ekonomin är inte ansluten till boten.'),
          'Ekonomin saknas.',
        );
      }
      if (!parsed.booking) return reply(errorCard('Så bokför du utfall', OUTCOME_USAGE), OUTCOME_USAGE);
      const booked = await deps.bookOutcome({
        ...parsed.booking,
        date: toIsoDate(now),
        by: sender,
      });
      // The reason (e.g. the closest budget lines' names), not the whole help card.
      if (!booked.ok) return reply(errorCard('Utfallet kunde inte bokföras', booked.problem), booked.problem);
      return reply(outcomeBookedCard(booked, deps.tabLinks), `Utfall ${booked.lineName} bokfört.`);
    }
    case 'arbetsgrupp': {
      // In Teams the form opens through a deep link (sub-entity "arbetsgrupper/ny"); locally the tab's ?ny=1.
      const pageUrl = deps.tabLinks?.page('arbetsgrupper') ?? deps.workingGroupsPageUrl;
      const formUrl = deps.config.mode === 'tenant' ? deps.tabLinks?.page('arbetsgrupper', 'ny') : undefined;
      return reply(
        asCard(appointWorkingGroupFormCard(pageUrl, formUrl)),
        'Tillsätt arbetsgruppen i fliken Arbetsgrupper.',
      );
    }
    case 'arbetsgrupper': {
      if (!deps.listWorkingGroups)
        return reply(
          errorCard('Arbetsgrupperna saknas', 'Registret är inte anslutet till boten.'),
          'Registret saknas.',
        );
      const groups = await deps.listWorkingGroups();
      const pageUrl = deps.tabLinks?.page('arbetsgrupper') ?? deps.workingGroupsPageUrl;
      return reply(asCard(workingGroupsListCard(groups, pageUrl)), `${groups.length} arbetsgrupper.`);
    }
    case 'kalla':
      return convene(parsed.meeting, sender, env);
  }
}

async function showAgenda(group: MeetingGroup | undefined, sender: Person, { deps }: RunEnvironment): Promise<Reply> {
  if (!deps.nextAgenda) return reply(errorCard('Dagordningen saknas', 'Se fliken Möten.'), 'Se fliken Möten.');
  const next = await deps.nextAgenda({ ...(group ? { group } : {}), by: sender, from: deps.clock.now() });
  return reply(
    agendaCard(next, group, deps.tabLinks),
    next ? `Dagordning – ${next.meeting.title}.` : 'Inget kommande möte.',
  );
}

async function showAssignments(sender: Person, { deps }: RunEnvironment): Promise<Reply> {
  if (!deps.listAssignments) {
    return reply(errorCard('Uppdragen saknas', 'Se Mina uppdrag på fliken Översikt.'), 'Uppdragen saknas.');
  }
  const input = await deps.listAssignments(sender);
  return reply(assignmentsCard(input), `${input.rows.length} öppna uppdrag.`);
}

async function convene(meeting: ConveneRequest | undefined, sender: Person, env: RunEnvironment): Promise<Reply> {
  const { deps } = env;
  if (!meeting) return reply(errorCard('Kalla stödgruppen', CONVENE_USAGE), CONVENE_USAGE);
  if (!deps.conveneStodgrupp) {
    return reply(errorCard('Kallelsen kunde inte skickas', 'Använd fliken Möten.'), 'Använd fliken Möten.');
  }
  const key = `bot-${meeting.date}-${meeting.startTime.replace(':', '')}-${meeting.endTime.replace(':', '')}`;
  const result = await deps.conveneStodgrupp({ ...meeting, by: sender, key });
  if (!result.ok) return reply(errorCard('Kallelsen kunde inte skickas', result.problem), result.problem);
  return reply(
    meetingConvenedCard(result.meeting, result.created, deps.tabLinks),
    `Kallelsen till ${result.meeting.title} är skickad.`,
  );
}

async function postNews(text: string, sender: Person, env: RunEnvironment): Promise<Reply> {
  const { deps, proactive } = env;
  const general = await deps.conversations.findTeamGeneral();
  if (!general) {
    return reply(
      errorCard(
        'Nyheten kunde inte publiceras',
        'Appen är inte installerad i samverkans team ännu, så boten hittar ingen kanal Allmänt.',
      ),
      'Ingen kanal Allmänt att publicera i.',
    );
  }
  const postedAt = deps.clock.now();
  let messageId: string | undefined;
  let unconfirmed = false;
  try {
    const sent = await proactive.sendCard(general, newsCard(text, sender, postedAt), text.slice(0, 200));
    messageId = sent.activityId;
  } catch (error) {
    deps.logger?.error('news post to General failed', error instanceof Error ? error.message : String(error));
    // The connector may have posted it (a lost answer, a 503/504): never sent again, nor "try again" (#15).
    unconfirmed = answerMayBeLost(error);
    if (!unconfirmed)
      return reply(
        errorCard('Nyheten kunde inte publiceras', 'Kanalen Allmänt svarade inte. Försök igen om en stund.'),
        'Nyheten kunde inte publiceras.',
      );
  }
  await deps.recordNews({ text, by: sender, postedAt, ...(messageId ? { messageId } : {}) });
  if (unconfirmed) return reply(newsPostedCard(text, true), 'Nyheten är skickad till Allmänt men inte bekräftad.');
  return reply(newsPostedCard(text), 'Nyheten är publicerad i Allmänt.');
}

// ------------------------------------------------------------------ card actions

const listItemIdSchema = z.string({ error: 'Kortet saknar id.' }).regex(/^\d{1,12}$/, 'Kortets id är ogiltigt.');

/** The answers of the poll card: `k<n>` keys; an unanswered candidate comes as "" and is left out. */
const voteChoicesSchema = z
  .record(z.string(), z.unknown())
  .transform((data) => Object.entries(data).filter(([key, value]) => /^k\d{1,2}$/.test(key) && value !== ''))
  .pipe(
    z.array(
      z.tuple([z.string(), z.enum(VOTE_VALUES, { error: 'Svara Ja, Om det behövs eller Nej för varje förslag.' })]),
    ),
  )
  .transform((entries) => Object.fromEntries(entries) as Record<string, VoteValue>)
  .refine((choices) => Object.keys(choices).length > 0, { message: 'Svara på minst ett förslag innan du skickar.' });

/** What a card button sends back, whether through Action.Execute (invoke) or the Action.Submit fallback (message). */
export const cardActionSchema = z.discriminatedUnion(
  'verb',
  [
    z.object({
      verb: z.literal('command'),
      command: z
        .string({ error: 'Kommandot saknas.' })
        .trim()
        .min(1, 'Kommandot saknas.')
        .max(200, 'Kommandot är för långt.'),
    }),
    z.object({ verb: z.literal('news.post'), text: newsTextSchema }),
    // The poll card's choice inputs (k1, k2, …) arrive beside pollId; they are read by voteChoicesSchema.
    z.looseObject({ verb: z.literal('poll.vote'), pollId: listItemIdSchema }),
    z.object({
      verb: z.literal('protocol.approve'),
      meetingId: listItemIdSchema,
      version: z.number().int().min(0).max(1_000_000).optional().catch(undefined),
    }),
    // The status and report inputs (status_<id>, report_<id>) arrive beside these; read by assignmentFormSchema.
    z.looseObject({
      verb: z.literal('assignment.update'),
      assignmentId: listItemIdSchema,
      etag: z.string({ error: 'Kortet saknar uppdragets version.' }).min(1).max(200),
    }),
  ],
  { error: 'Kortet skickade en okänd åtgärd.' },
);

export async function runCardAction(data: unknown, sender: Person | undefined, env: RunEnvironment): Promise<Reply> {
  if (!sender) return reply(helpCard({}), 'Du finns inte i kontaktlistan.');
  const action = cardActionSchema.safeParse(data);
  if (!action.success) {
    const message = action.error.issues[0]?.message ?? 'Kortets data kunde inte läsas.';
    return reply(errorCard('Det gick inte', message), message);
  }
  if (action.data.verb === 'command') return runText(action.data.command, sender, env);
  if (action.data.verb === 'poll.vote') return votePoll(action.data.pollId, data, sender, env);
  if (action.data.verb === 'protocol.approve') {
    return approveProtocol(action.data.meetingId, action.data.version, sender, env);
  }
  if (action.data.verb === 'assignment.update') {
    return updateAssignment(action.data.assignmentId, action.data.etag, data, sender, env);
  }
  try {
    requireRole(sender.roles, 'news.post');
  } catch (error) {
    if (error instanceof ForbiddenError) return reply(refusalCard(error.message), error.message);
    throw error;
  }
  return postNews(action.data.text, sender, env);
}

async function votePoll(pollId: string, data: unknown, sender: Person, env: RunEnvironment): Promise<Reply> {
  const choices = voteChoicesSchema.safeParse(data);
  if (!choices.success) {
    const message = choices.error.issues[0]?.message ?? 'Svaren kunde inte läsas.';
    return reply(errorCard('Rösten kunde inte tas emot', message), message);
  }
  if (!env.deps.votePoll) {
    return reply(errorCard('Rösten kunde inte tas emot', 'Svara i fliken Möten.'), 'Svara i fliken Möten.');
  }
  const outcome = await env.deps.votePoll({ pollId, choices: choices.data, by: sender });
  if (!outcome.ok) return reply(errorCard('Rösten kunde inte tas emot', outcome.problem), outcome.problem);
  return reply(pollCard(outcome.card), 'Tack, ditt svar är sparat.');
}

/**
 * The approval card's button: the answer is the card as the protokoll now is (#15), for a first press, a second
 * one, or an old card after a redraft or the lock; only a refusal (not a signer, out of turn) is an error card.
 */
async function approveProtocol(
  meetingId: string,
  version: number | undefined,
  sender: Person,
  env: RunEnvironment,
): Promise<Reply> {
  if (!env.deps.approveProtocol) {
    return reply(errorCard('Protokollet kunde inte godkännas', 'Godkänn i fliken Möten.'), 'Godkänn i fliken Möten.');
  }
  const outcome = await env.deps.approveProtocol({
    meetingId,
    ...(version !== undefined ? { version } : {}),
    by: sender,
  });
  if (!outcome.ok) return reply(errorCard('Protokollet kunde inte godkännas', outcome.problem), outcome.problem);
  const summary = outcome.card.notice ?? (outcome.card.locked ? 'Protokollet är justerat.' : 'Godkänn protokollet.');
  return reply(protocolApprovalCard(outcome.card), summary);
}

/** The uppdrag card's form: the status chosen and the report written (empty: unchanged). */
const assignmentFormSchema = z.object({
  status: z.enum(ASSIGNMENT_STATUSES, { error: 'Välj en status för uppdraget.' }),
  report: z
    .string({ error: 'Rapporten måste vara text.' })
    .trim()
    .max(ASSIGNMENT_CARD_REPORT_MAX, `Rapporten får vara högst ${ASSIGNMENT_CARD_REPORT_MAX} tecken i kortet.`)
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});

/** The form's inputs carry the uppdrag's id in their names (status_<id>, report_<id>). */
function assignmentForm(id: string, data: unknown) {
  const inputs = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return assignmentFormSchema.safeParse({ status: inputs[statusInputId(id)], report: inputs[reportInputId(id)] });
}

async function updateAssignment(
  assignmentId: string,
  etag: string,
  data: unknown,
  sender: Person,
  env: RunEnvironment,
): Promise<Reply> {
  const title = 'Uppdraget kunde inte uppdateras';
  const form = assignmentForm(assignmentId, data);
  if (!form.success) {
    const message = form.error.issues[0]?.message ?? 'Kortets svar kunde inte läsas.';
    return reply(errorCard(title, message), message);
  }
  if (!env.deps.updateAssignment) {
    return reply(errorCard(title, 'Uppdatera i fliken Översikt.'), 'Uppdatera i fliken Översikt.');
  }
  const { status, report } = form.data;
  const outcome = await env.deps.updateAssignment({
    assignmentId,
    etag,
    status,
    ...(report !== undefined ? { report } : {}),
    by: sender,
  });
  if (!outcome.ok) return reply(errorCard(title, outcome.problem), outcome.problem);
  return reply(assignmentsCard(outcome.card), outcome.card.notice?.text ?? 'Uppdraget är uppdaterat.');
}

export const NEWS_REFUSAL = `Du har inte behörighet att ${ACTIONS['news.post'].description}.`;
