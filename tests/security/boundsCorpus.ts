import type { HttpCase } from './support';

/**
 * The bounds corpus: every write route of the REST API with a valid body, and a description of its fields,
 * from which the cases are generated: missing, wrong type, too long, too large, out of range, and the unicode
 * edge cases (emoji and combining marks past SharePoint's UTF-16 length, lone surrogates, NUL, right-to-left
 * override, zero-width and whitespace-only text). Every case must be refused (400/413/422) in Swedish and
 * change nothing in the tenant.
 */

export type FieldKind =
  'text' | 'multiText' | 'date' | 'amount' | 'int' | 'enum' | 'bool' | 'array' | 'time' | 'email' | 'ref';

export interface FieldSpec {
  /** Dotted path in the body (`period.start`, `rows.0.email`). */
  path: string;
  kind: FieldKind;
  required?: boolean;
  /** Text: the field's own maximum (defaults to SharePoint's 255 / 63 999); int: the largest allowed. */
  max?: number;
  /** Int: the smallest allowed. */
  min?: number;
  /** Array: how many entries are allowed, and one valid entry. */
  maxItems?: number;
  item?: unknown;
  /** Int: a fraction is allowed (hours). */
  fractional?: boolean;
  /** Amount: negative amounts are refused too (default). */
  signed?: boolean;
}

export interface BoundsRoute {
  name: string;
  method: HttpCase['method'];
  path: string;
  /** Who sends it: a person allowed to (the suite checks bounds, not roles). */
  as: 'coordinator' | 'chair';
  body: Record<string, unknown>;
  fields: FieldSpec[];
  headers?: Record<string, string>;
  /** Further cases that need more than one field (a meeting ending before it starts…). */
  extra?: { name: string; body: Record<string, unknown> }[];
}

export interface BoundsCase {
  route: BoundsRoute;
  name: string;
  body: unknown;
}

/** Ids the corpus needs to exist (a budget line for an outcome, people for a working group). */
export interface CorpusIds {
  budgetLineId: string;
  personId: string;
  otherPersonId: string;
  activityId: string;
  decisionId: string;
  meetingId: string;
  today: string;
}

const ASTRAL = '\u{1F600}';

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

function textCases(spec: FieldSpec): [string, unknown][] {
  const max = spec.max ?? (spec.kind === 'multiText' ? 63_999 : 255);
  const cases: [string, unknown][] = [
    ['wrong type (number)', 12345],
    ['too long', 'a'.repeat(max + 1)],
    // Each emoji is two UTF-16 units: as many code points as the limit allows, but twice the length.
    ['emoji past the UTF-16 length', ASTRAL.repeat(Math.floor(max / 2) + 1)],
    ['combining marks past the length', `a${'\u0301'.repeat(max)}`],
    ['lone high surrogate', 'Rubrik \uD83D slut'],
    ['lone low surrogate', '\uDE00 Rubrik'],
    ['NUL', 'Rubrik\u0000slut'],
    ['right-to-left override', 'Faktura\u202Efdp.exe'],
  ];
  if (spec.required) {
    cases.push(['whitespace only', '  \t  '], ['zero-width only', '\u200B\u200C\u200D\u2060\uFEFF']);
  }
  return cases;
}

function valueCases(spec: FieldSpec, ids: CorpusIds): [string, unknown][] {
  switch (spec.kind) {
    case 'text':
    case 'multiText':
      return textCases(spec);
    case 'date':
      return [
        ['wrong type (number)', 20270210],
        ['not a date', '2027-02-30'],
        ['wrong format', '10/2/2027'],
        ['year 9999', '9999-12-31'],
        ['before 2020', '2019-12-31'],
        ['more than five years ahead', addYears(ids.today, 6)],
      ];
    case 'amount':
      return [
        ['wrong type (text)', '100'],
        ['not an integer', 100.5],
        ['over 1 000 000 000 kr', 100_000_000_001],
        ['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
        ...(spec.signed ? [['under -1 000 000 000 kr', -100_000_000_001] as [string, unknown]] : []),
        ...(spec.signed ? [] : [['negative', -100] as [string, unknown]]),
      ];
    case 'int':
      return [
        ['wrong type (text)', String(spec.min ?? 1)],
        ...(spec.fractional ? [] : [['not an integer', (spec.min ?? 0) + 0.5] as [string, unknown]]),
        ['over the maximum', (spec.max ?? 0) + 1],
        ['under the minimum', (spec.min ?? 0) - 1],
        ['huge', 1e300],
      ];
    case 'enum':
      return [
        ['unknown value', 'okand'],
        ['wrong type (number)', 5],
      ];
    case 'bool':
      return [['wrong type (text)', 'ja']];
    case 'array':
      return [
        ['wrong type (text)', 'x'],
        ['too many entries', Array.from({ length: (spec.maxItems ?? 0) + 1 }, () => spec.item)],
      ];
    case 'time':
      return [
        ['wrong type (number)', 900],
        ['not a time', '25:00'],
        ['wrong format', '9'],
      ];
    case 'email':
      return [
        ['not an address', 'inte-en-adress'],
        ['header injection', 'a@regionvasterbotten.se\r\nBcc: x@example.com'],
        ['too long', `${'a'.repeat(250)}@regionvasterbotten.se`],
      ];
    case 'ref':
      return [
        ['wrong type (number)', 1],
        ['OData quote', "1' or 1 eq 1"],
        ['path traversal', '../1'],
        ['too long', 'a'.repeat(300)],
      ];
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function setPath(body: Record<string, unknown>, path: string, value: unknown, remove = false): void {
  const segments = path.split('.');
  let target = body as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) target = target[segment] as Record<string, unknown>;
  const last = segments[segments.length - 1]!;
  if (remove) delete target[last];
  else target[last] = value;
}

/** Every case of one route: its fields' cases, a missing required field, an unknown field, and its extras. */
export function casesOf(route: BoundsRoute, ids: CorpusIds): BoundsCase[] {
  const cases: BoundsCase[] = [];
  for (const spec of route.fields) {
    if (spec.required) {
      const body = clone(route.body);
      setPath(body, spec.path, undefined, true);
      cases.push({ route, name: `${spec.path}: missing`, body });
    }
    for (const [name, value] of valueCases(spec, ids)) {
      const body = clone(route.body);
      setPath(body, spec.path, value);
      cases.push({ route, name: `${spec.path}: ${name}`, body });
    }
  }
  cases.push({ route, name: 'unknown field', body: { ...clone(route.body), okantFalt: 'x' } });
  cases.push({ route, name: 'body not an object', body: ['x'] });
  if (route.method === 'PATCH') cases.push({ route, name: 'empty PATCH body', body: {} });
  for (const extra of route.extra ?? []) cases.push({ route, name: extra.name, body: extra.body });
  return cases;
}

const IF_MATCH = { 'if-match': '"1"' };

/** The write routes with a valid body each; ids that need not exist are ones no list holds. */
export function boundsRoutes(ids: CorpusIds): BoundsRoute[] {
  const meeting = {
    group: 'stodgrupp',
    title: 'Stödgruppens möte',
    date: '2027-02-10',
    startTime: '09:00',
    endTime: '11:00',
    online: true,
    idempotencyKey: 'bounds-corpus-0001',
  };
  const activity = {
    title: 'Kurs i bygglov',
    area: 'information',
    startDate: '2027-03-01',
    endDate: '2027-03-01',
    targetGroups: ['kommuner'],
    responsibleOrganisationId: 'umea',
    description: 'Beskrivning',
    budgetedCostOre: 100_000,
  };
  const activityFields: FieldSpec[] = [
    { path: 'title', kind: 'text', required: true },
    { path: 'area', kind: 'enum', required: true },
    { path: 'startDate', kind: 'date', required: true },
    { path: 'endDate', kind: 'date', required: true },
    { path: 'targetGroups', kind: 'array', required: true, maxItems: 10, item: 'kommuner' },
    { path: 'responsibleOrganisationId', kind: 'ref', required: true },
    { path: 'description', kind: 'multiText', max: 10_000 },
    { path: 'budgetedCostOre', kind: 'amount' },
  ];
  const missingId = '999999';
  return [
    {
      name: 'PATCH /api/people/:id',
      method: 'PATCH',
      path: `/api/people/${ids.personId}`,
      as: 'coordinator',
      body: { title: 'Handläggare', phone: '090-123 45' },
      fields: [
        { path: 'title', kind: 'text' },
        { path: 'phone', kind: 'text', max: 40 },
        { path: 'displayName', kind: 'text' },
        { path: 'email', kind: 'email' },
      ],
    },
    {
      name: 'POST /api/budget/lines',
      method: 'POST',
      path: '/api/budget/lines',
      as: 'coordinator',
      body: { year: 2027, category: 'oh_lokal', name: 'Korpusrad', amountOre: 100_000 },
      fields: [
        { path: 'year', kind: 'int', required: true, min: 2020, max: 2099 },
        { path: 'category', kind: 'enum', required: true },
        { path: 'name', kind: 'text', required: true },
        { path: 'amountOre', kind: 'amount', required: true },
        { path: 'area', kind: 'enum' },
      ],
    },
    {
      name: 'PATCH /api/budget/lines/:id',
      method: 'PATCH',
      path: `/api/budget/lines/${ids.budgetLineId}`,
      as: 'coordinator',
      body: { name: 'Korpusrad', amountOre: 200_000 },
      fields: [
        { path: 'name', kind: 'text' },
        { path: 'amountOre', kind: 'amount' },
      ],
    },
    {
      name: 'POST /api/budget/outcomes',
      method: 'POST',
      path: '/api/budget/outcomes',
      as: 'coordinator',
      body: { budgetLineId: ids.budgetLineId, amountOre: 10_000, date: '2026-11-02', text: 'Faktura 1' },
      fields: [
        { path: 'budgetLineId', kind: 'ref', required: true },
        { path: 'amountOre', kind: 'amount', required: true },
        { path: 'date', kind: 'date', required: true },
        { path: 'text', kind: 'text' },
      ],
      extra: [{ name: 'zero amount', body: { budgetLineId: ids.budgetLineId, amountOre: 0, date: '2026-11-02' } }],
    },
    {
      name: 'POST /api/coordinator-time',
      method: 'POST',
      path: '/api/coordinator-time',
      as: 'coordinator',
      body: { date: '2026-11-02', hours: 2, assignment: 'Samordning' },
      fields: [
        { path: 'date', kind: 'date', required: true },
        { path: 'hours', kind: 'int', required: true, min: 0, max: 24, fractional: true },
        { path: 'assignment', kind: 'text', required: true },
        { path: 'note', kind: 'multiText', max: 2000 },
      ],
    },
    {
      name: 'POST /api/activities',
      method: 'POST',
      path: '/api/activities',
      as: 'coordinator',
      body: activity,
      fields: activityFields,
      extra: [{ name: 'end before start', body: { ...activity, startDate: '2027-03-02', endDate: '2027-03-01' } }],
    },
    {
      name: 'PATCH /api/activities/:id',
      method: 'PATCH',
      path: `/api/activities/${ids.activityId}`,
      as: 'coordinator',
      body: { title: 'Kurs i bygglov, del 2' },
      fields: activityFields.map(({ required: _required, ...spec }) => spec),
    },
    {
      name: 'POST /api/activities/:id/evaluation',
      method: 'POST',
      path: `/api/activities/${missingId}/evaluation`,
      as: 'coordinator',
      headers: IF_MATCH,
      body: { date: '2026-11-02', summary: 'Bra kurs', participantsByOrganisation: { umea: 10 } },
      fields: [
        { path: 'date', kind: 'date', required: true },
        { path: 'summary', kind: 'multiText', required: true, max: 10_000 },
        { path: 'lessons', kind: 'multiText', max: 10_000 },
        { path: 'participantsByOrganisation.umea', kind: 'int', min: 0, max: 100_000 },
      ],
    },
    {
      name: 'POST /api/activities/:id/participants',
      method: 'POST',
      path: `/api/activities/${missingId}/participants`,
      as: 'coordinator',
      headers: IF_MATCH,
      body: { byOrganisation: { umea: 3 }, byGender: { kvinnor: 2, man: 1, annat: 0 } },
      fields: [
        { path: 'byOrganisation.umea', kind: 'int', min: 0, max: 100_000 },
        { path: 'byGender.kvinnor', kind: 'int', required: true, min: 0, max: 100_000 },
      ],
    },
    {
      name: 'POST /api/topic-tags',
      method: 'POST',
      path: '/api/topic-tags',
      as: 'coordinator',
      body: { name: 'Buller' },
      fields: [{ path: 'name', kind: 'text', required: true, max: 60 }],
    },
    {
      name: 'POST /api/activities/:id/decision',
      method: 'POST',
      path: `/api/activities/${missingId}/decision`,
      as: 'coordinator',
      headers: IF_MATCH,
      body: { meetingId: 'm1', text: 'Beslutat' },
      fields: [
        { path: 'meetingId', kind: 'ref', required: true },
        { path: 'text', kind: 'multiText', max: 10_000 },
        { path: 'followUpDue', kind: 'date' },
      ],
    },
    {
      name: 'PUT /api/operating-plan/:year',
      method: 'PUT',
      path: '/api/operating-plan/2031',
      as: 'coordinator',
      body: { priorities: ['Bygglov'], goals: [{ text: 'Kortare handläggningstider', activityIds: [] }] },
      fields: [
        { path: 'priorities', kind: 'array', maxItems: 50, item: 'Prioritering' },
        { path: 'priorities.0', kind: 'multiText', required: true, max: 2000 },
        { path: 'goals.0.text', kind: 'multiText', required: true, max: 2000 },
      ],
    },
    {
      name: 'POST /api/decisions',
      method: 'POST',
      path: '/api/decisions',
      as: 'coordinator',
      body: {
        // A decision needs a held meeting or per capsulam; the corpus's meeting lies ahead, so per capsulam today.
        meetingId: 'per-capsulam',
        decidedOn: new Date().toISOString().slice(0, 10),
        kind: 'aktiviteter_kalendarium',
        title: 'Beslut om korpus',
        text: 'Beslutet',
        followUpDue: '2027-06-01',
      },
      fields: [
        { path: 'meetingId', kind: 'ref', required: true },
        { path: 'kind', kind: 'enum', required: true },
        { path: 'title', kind: 'text' },
        { path: 'text', kind: 'multiText', required: true, max: 10_000 },
        { path: 'ownerEmail', kind: 'email' },
        { path: 'followUpDue', kind: 'date' },
      ],
    },
    {
      name: 'PATCH /api/decisions/:id/follow-up',
      method: 'PATCH',
      path: `/api/decisions/${ids.decisionId}/follow-up`,
      as: 'coordinator',
      body: { followUp: 'pagar', note: 'På gång' },
      fields: [
        { path: 'followUp', kind: 'enum', required: true },
        { path: 'note', kind: 'multiText', max: 10_000 },
      ],
    },
    {
      name: 'POST /api/working-groups',
      method: 'POST',
      path: '/api/working-groups',
      as: 'coordinator',
      body: {
        name: 'Korpusgruppen',
        syfte: 'Syfte',
        uppdrag: 'Uppdrag',
        memberIds: [ids.personId, ids.otherPersonId],
        convenerId: ids.personId,
        period: { start: '2027-01-01' },
        membershipType: 'standard',
      },
      fields: [
        { path: 'name', kind: 'text', required: true, max: 50 },
        { path: 'syfte', kind: 'multiText', required: true, max: 4000 },
        { path: 'uppdrag', kind: 'multiText', required: true, max: 4000 },
        { path: 'malsattning', kind: 'multiText', max: 4000 },
        { path: 'memberIds', kind: 'array', required: true, maxItems: 100, item: ids.personId },
        { path: 'convenerId', kind: 'ref', required: true },
        { path: 'period.start', kind: 'date', required: true },
        { path: 'membershipType', kind: 'enum', required: true },
      ],
    },
    {
      name: 'POST /api/working-groups/:id/members',
      method: 'POST',
      path: `/api/working-groups/${missingId}/members`,
      as: 'coordinator',
      body: { personId: ids.personId },
      fields: [{ path: 'personId', kind: 'ref', required: true }],
    },
    {
      name: 'POST /api/working-groups/:id/end',
      method: 'POST',
      path: `/api/working-groups/${missingId}/end`,
      as: 'coordinator',
      body: { finalReport: 'Klart' },
      fields: [{ path: 'finalReport', kind: 'multiText', required: true, max: 4000 }],
    },
    {
      name: 'POST /api/meetings/plan',
      method: 'POST',
      path: '/api/meetings/plan',
      as: 'coordinator',
      body: { group: 'stodgrupp', year: 2027, from: '2027-02-01', to: '2027-02-28', durationMinutes: 120 },
      fields: [
        { path: 'group', kind: 'enum', required: true },
        { path: 'year', kind: 'int', required: true, min: 2020, max: 2099 },
        { path: 'from', kind: 'date' },
        { path: 'to', kind: 'date' },
        { path: 'durationMinutes', kind: 'int', required: true, min: 30, max: 480 },
        { path: 'earliest', kind: 'time' },
      ],
      extra: [
        {
          name: 'window to 9999-12-31',
          body: { group: 'stodgrupp', year: 2027, from: '2027-02-01', to: '9999-12-31', durationMinutes: 120 },
        },
        {
          name: 'window over three months',
          body: { group: 'stodgrupp', year: 2027, from: '2027-02-01', to: '2027-06-01', durationMinutes: 120 },
        },
      ],
    },
    {
      name: 'POST /api/meetings',
      method: 'POST',
      path: '/api/meetings',
      as: 'coordinator',
      body: meeting,
      fields: [
        { path: 'group', kind: 'enum', required: true },
        { path: 'date', kind: 'date', required: true },
        { path: 'startTime', kind: 'time', required: true },
        { path: 'endTime', kind: 'time', required: true },
        { path: 'title', kind: 'text', max: 200 },
        { path: 'room', kind: 'text', max: 200 },
        { path: 'online', kind: 'bool' },
        { path: 'extraItems', kind: 'array', maxItems: 20, item: 'Övrigt' },
        { path: 'idempotencyKey', kind: 'ref', required: true },
      ],
      extra: [
        { name: '23:30–23:59', body: { ...meeting, startTime: '23:30', endTime: '23:59' } },
        { name: 'ends before it starts', body: { ...meeting, startTime: '11:00', endTime: '09:00' } },
        { name: 'five minutes long', body: { ...meeting, startTime: '09:00', endTime: '09:05' } },
      ],
    },
    {
      name: 'POST /api/meetings/:id/reschedule',
      method: 'POST',
      path: `/api/meetings/m${missingId}/reschedule`,
      as: 'coordinator',
      body: { date: '2027-02-11', startTime: '09:00', endTime: '11:00' },
      fields: [
        { path: 'date', kind: 'date', required: true },
        { path: 'startTime', kind: 'time', required: true },
        { path: 'endTime', kind: 'time', required: true },
        { path: 'room', kind: 'text', max: 200 },
      ],
      extra: [{ name: '23:30–23:59', body: { date: '2027-02-11', startTime: '23:30', endTime: '23:59' } }],
    },
    {
      name: 'POST /api/meetings/:id/cancel',
      method: 'POST',
      path: `/api/meetings/m${missingId}/cancel`,
      as: 'coordinator',
      body: { comment: 'Inställt' },
      fields: [{ path: 'comment', kind: 'multiText', required: true, max: 2000 }],
    },
    {
      name: 'POST /api/meetings/polls',
      method: 'POST',
      path: '/api/meetings/polls',
      as: 'coordinator',
      body: {
        group: 'stodgrupp',
        year: 2027,
        candidates: [
          { start: '2027-02-10T08:00:00Z', end: '2027-02-10T10:00:00Z' },
          { start: '2027-02-11T08:00:00Z', end: '2027-02-11T10:00:00Z' },
        ],
        deadline: '2027-02-01T12:00:00Z',
      },
      fields: [
        { path: 'group', kind: 'enum', required: true },
        { path: 'year', kind: 'int', required: true, min: 2020, max: 2099 },
        {
          path: 'candidates',
          kind: 'array',
          required: true,
          maxItems: 8,
          item: { start: '2027-02-12T08:00:00Z', end: '2027-02-12T10:00:00Z' },
        },
        { path: 'outsideWindowReason', kind: 'text', max: 1000 },
      ],
    },
    {
      name: 'PUT /api/meetings/:id/attendance',
      method: 'PUT',
      path: `/api/meetings/m${missingId}/attendance`,
      as: 'coordinator',
      body: { rows: [{ email: 'karin.nordstrom@regionvasterbotten.se', present: true }] },
      fields: [
        {
          path: 'rows',
          kind: 'array',
          required: true,
          maxItems: 500,
          item: { email: 'karin.nordstrom@regionvasterbotten.se', present: true },
        },
        { path: 'rows.0.email', kind: 'email', required: true },
        { path: 'rows.0.present', kind: 'bool', required: true },
      ],
    },
    {
      name: 'POST /api/meetings/:id/decisions',
      method: 'POST',
      path: `/api/meetings/m${missingId}/decisions`,
      as: 'coordinator',
      body: { kind: 'aktiviteter_kalendarium', text: 'Beslutet' },
      fields: [
        { path: 'kind', kind: 'enum', required: true },
        { path: 'text', kind: 'multiText', required: true, max: 10_000 },
        { path: 'followUpDue', kind: 'date' },
      ],
    },
  ];
}

/** The bot's write commands with refused arguments: each must answer a Swedish refusal and write nothing. */
export function botBoundsCases(today: string): { name: string; command: string }[] {
  return [
    { name: 'utfall: over 1 000 000 000 kr', command: 'utfall 1000000001 Lokalhyra' },
    { name: 'utfall: MAX_SAFE_INTEGER öre', command: 'utfall 90071992547409,91 Lokalhyra' },
    { name: 'utfall: negative', command: 'utfall -100 Lokalhyra' },
    { name: 'utfall: not a number', command: 'utfall hundra Lokalhyra' },
    { name: 'utfall: three decimals', command: 'utfall 100,505 Lokalhyra' },
    { name: 'utfall: lone surrogate in the line', command: 'utfall 100 Lokal\uD800hyra' },
    { name: 'utfall: NUL in the line', command: 'utfall 100 Lokal\u0000hyra' },
    { name: 'utfall: text past 255', command: `utfall 100 Lokalhyra ${'a'.repeat(300)}` },
    { name: 'nyhet: zero-width only', command: 'nyhet \u200B\u200C\u200D' },
    { name: 'nyhet: past 2000', command: `nyhet ${'a'.repeat(2001)}` },
    { name: 'nyhet: emoji past 2000 UTF-16', command: `nyhet ${ASTRAL.repeat(1001)}` },
    { name: 'nyhet: lone surrogate', command: 'nyhet Nyhet \uDC00' },
    { name: 'nyhet: right-to-left override', command: 'nyhet Nyhet\u202Efdp.exe' },
    { name: 'kalla: year 9999', command: 'kalla stödgruppen 9999-12-31 09:00' },
    { name: 'kalla: not a date', command: 'kalla stödgruppen 2027-02-30 09:00' },
    { name: 'kalla: more than five years ahead', command: `kalla stödgruppen ${addYears(today, 6)} 09:00` },
    { name: 'kalla: 23:30', command: 'kalla stödgruppen 2027-02-10 23:30' },
    { name: 'kalla: 25:00', command: 'kalla stödgruppen 2027-02-10 25:00' },
    { name: 'kalla: ends before start', command: 'kalla stödgruppen 2027-02-10 11:00-09:00' },
  ];
}
