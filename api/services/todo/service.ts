import {
  protocolKind,
  assignmentTodos,
  deriveTodos,
  toIsoDate,
  type Role,
  type TodoInput,
  type TodoInvitation,
  type TodoItem,
  type TodoMeeting,
  type TodoProtocol,
  yearRhythmTodos,
} from '../../../src/domain';
import type { GraphGateway } from '../../graph/gateway';
import type { DecisionsService, BudgetService } from '../economy';
import type { ListStores } from '../lists';
import type { AssignmentsService } from '../economy';
import type { MeetingsService } from '../meetings';

type MeetingRecord = Awaited<ReturnType<MeetingsService['records']>>[number];
import { systemClock, type Clock } from '../ports';

export type TodoPart = 'answers' | 'protocols' | 'proposals' | 'coFinancing' | 'meetings' | 'assignments';

export interface TodoAnswer {
  items: TodoItem[];
  /** Parts that could not be read: the list may lack their items, and the tab says so. */
  unavailable: TodoPart[];
}

export interface TodoSources {
  lists: Pick<ListStores, 'protocols'>;
  meetings: MeetingsService;
  decisions: DecisionsService;
  budget: BudgetService;
  /** The signed-in person's uppdrag (#17), for those due within a week or overdue. */
  assignments?: Pick<AssignmentsService, 'mine'>;
  clock?: Clock;
}

function approvedBy(raw: unknown): string[] {
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown) =>
      entry && typeof entry === 'object' && typeof (entry as { personId?: unknown }).personId === 'string'
        ? [(entry as { personId: string }).personId]
        : [],
    );
  } catch {
    return [];
  }
}

/** The protokoll as "Att göra" needs them: their meeting, their signers, who has approved, whether it is filed. */
function todoProtocols(
  items: readonly { fields: Record<string, unknown> }[],
  byId: ReadonlyMap<string, MeetingRecord>,
): TodoProtocol[] {
  return items.flatMap((item) => {
    const record = byId.get(String(item.fields.MeetingId));
    if (!record) return [];
    return [
      {
        meetingId: record.id,
        meetingTitle: record.title,
        date: record.date,
        status: String(item.fields.Status ?? 'utkast'),
        secretaryEmail: String(item.fields.SecretaryEmail ?? ''),
        chairEmail: String(item.fields.ChairEmail ?? ''),
        adjusterEmails: String(item.fields.AdjusterEmails ?? '')
          .split(';')
          .filter(Boolean),
        approvedByEmails: approvedBy(item.fields.Approvals),
        archived: Boolean(record.archiveUrl),
        ...(protocolKind(record.group) === 'minnesanteckningar' ? { document: 'minnesanteckningar' as const } : {}),
      },
    ];
  });
}

/** The items of the data read; the year's rhythm needs the register and is left out with it when unread. */
function derived(input: TodoInput, unavailable: readonly TodoPart[]): TodoItem[] {
  return [...deriveTodos(input), ...(unavailable.includes('meetings') ? [] : yearRhythmTodos(input))];
}

/**
 * Reads what "Att göra" is derived from, each part on its own: a part that fails (the conveners' calendars
 * unreachable, say) leaves its items out and is named in `unavailable`, the rest is still shown.
 */
export class TodoService {
  private readonly clock: Clock;

  constructor(private readonly sources: TodoSources) {
    this.clock = sources.clock ?? systemClock;
  }

  async forPerson(
    graph: GraphGateway,
    app: GraphGateway,
    person: { id?: string; email: string; roles: readonly Role[] },
  ): Promise<TodoAnswer> {
    const { assignments } = this.sources;
    const today = toIsoDate(this.clock.now());
    const [base, mine] = await Promise.all([
      this.meetingAndEconomyTodos(graph, app, person),
      assignments && person.id !== undefined
        ? assignments
            .mine(graph, { person: { id: person.id, email: person.email }, followsUpAll: false }, { openOnly: true })
            .catch(() => undefined)
        : Promise.resolve([]),
    ]);
    if (mine === undefined) return { items: base.items, unavailable: [...base.unavailable, 'assignments'] };
    return { items: [...base.items, ...assignmentTodos(mine, today)], unavailable: base.unavailable };
  }

  private async meetingAndEconomyTodos(
    graph: GraphGateway,
    app: GraphGateway,
    person: { email: string; roles: readonly Role[] },
  ): Promise<TodoAnswer> {
    const now = this.clock.now();
    const today = toIsoDate(now);
    const unavailable: TodoPart[] = [];
    const part = async <T>(name: TodoPart, read: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await read();
      } catch {
        unavailable.push(name);
        return fallback;
      }
    };
    const coordinator = person.roles.includes('samordnare');
    const year = Number(today.slice(0, 4));
    const [records, protocolItems, views, openProposals, coFinancing] = await Promise.all([
      part('meetings', () => this.sources.meetings.records(graph), []),
      part('protocols', () => this.sources.lists.protocols.find(graph), []),
      part('answers', () => this.sources.meetings.upcomingWithAnswers(app, now), []),
      coordinator
        ? part('proposals', async () => (await this.sources.decisions.openProposals(graph)).length, 0)
        : Promise.resolve(undefined),
      coordinator
        ? part(
            'coFinancing',
            async () => {
              const report = (await this.sources.budget.report(graph, year, today)).coFinancing;
              const gaps = report.rows.filter((row) => row.remainingOre > 0).length + report.missing.length;
              return { year, gaps };
            },
            undefined,
          )
        : Promise.resolve(undefined),
    ]);
    const byId = new Map(records.map((record) => [record.id, record]));
    const meetings: TodoMeeting[] = records.map((r) => ({
      id: r.id,
      group: r.group,
      date: r.date,
      status: r.status,
      ...(r.season ? { season: r.season } : {}),
    }));
    const protocols = todoProtocols(protocolItems, byId);
    const invitations: TodoInvitation[] = views.map((view) => ({
      meetingId: view.meeting.id,
      meetingTitle: view.meeting.title,
      date: view.meeting.date,
      notAnsweredEmails: view.notAnswered.map((answer) => answer.email),
    }));
    const input: TodoInput = {
      today,
      person,
      meetings,
      protocols,
      invitations,
      ...(openProposals !== undefined ? { openProposals } : {}),
      ...(coFinancing ? { coFinancing } : {}),
    };
    return { items: derived(input, unavailable), unavailable };
  }
}
