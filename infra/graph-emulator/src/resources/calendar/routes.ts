import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import type { StoredUser } from '../../model';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop, queryString } from '../../odata';
import { requirePermission, type PermissionRule, type Principal } from '../../permissions';
import { findMeetingTimes, getSchedule } from './availability';
import {
  cancelEvent,
  createEvent,
  deleteEvent,
  renderEvent,
  respondToEvent,
  updateEvent,
  type Answer,
} from './meetings';
import { accessDenied, listEvents, loadEvent, requireMailbox, type StoredEvent } from './model';
import {
  cancelSchema,
  eventCreateSchema,
  eventPatchSchema,
  findMeetingTimesSchema,
  getScheduleSchema,
  respondSchema,
} from './schemas';
import { answerZone, parseInstant } from './time';

const READ: PermissionRule = {
  delegated: ['Calendars.ReadBasic', 'Calendars.Read.Shared'],
  application: ['Calendars.ReadBasic'],
};
const WRITE: PermissionRule = {
  delegated: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
  application: ['Calendars.ReadWrite'],
};
const SCHEDULE: PermissionRule = {
  delegated: ['Calendars.ReadBasic', 'Calendars.Read.Shared'],
  application: ['Calendars.ReadBasic'],
};
const FIND_TIMES: PermissionRule = { delegated: ['Calendars.Read.Shared'] };
const FULL_READ = ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'];

/** `/me/…` and `/users/{id|upn}/…`, with and without `/calendar`, as Graph routes the default calendar. */
const owners = (suffix: string, withCalendar = true) => [
  `/me${suffix}`,
  `/users/:user${suffix}`,
  ...(withCalendar ? [`/me/calendar${suffix}`, `/users/:user/calendar${suffix}`] : []),
];

/**
 * The calendar's owner. Delegated calls reach only the signed-in person's own mailbox here: sharing and
 * delegate access between mailboxes are not modelled, so another person's calendar is Exchange's 403.
 */
function calendarOwner(
  ctx: EmulatorContext,
  req: Request,
  rule: PermissionRule,
): { principal: Principal; owner: StoredUser } {
  const principal = requirePermission(req, rule);
  const param = req.params.user;
  if (param === undefined) {
    if (principal.kind !== 'delegated')
      throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
    return { principal, owner: requireMailbox(ctx, principal.userId) };
  }
  const owner = requireMailbox(ctx, String(param));
  if (principal.kind === 'delegated' && owner.id !== principal.userId) throw accessDenied();
  return { principal, owner };
}

function basicOnly(principal: Principal): boolean {
  const granted = principal.kind === 'delegated' ? principal.scopes : principal.roles;
  return !FULL_READ.some((p) => granted.has(p));
}

function entityContext(ctx: EmulatorContext, owner: StoredUser, fragment: string): string {
  return odataContext(ctx.baseUrl(), `users('${owner.id}')/${fragment}`);
}

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const FILTER_FIELDS: Record<string, (e: StoredEvent) => string | number | boolean | null> = {
  subject: (e) => e.subject,
  iCalUId: (e) => e.iCalUId,
  transactionId: (e) => e.transactionId ?? null,
  showAs: (e) => e.showAs,
  type: (e) => e.type ?? 'singleInstance',
  isOrganizer: (e) => e.isOrganizer,
  isCancelled: (e) => e.isCancelled,
  isAllDay: (e) => e.isAllDay ?? false,
  'start/dateTime': (e) => e.xStart,
  'end/dateTime': (e) => e.xEnd,
};

/** A small $filter: `field op value` clauses joined by `and`; anything else is a 400, never ignored. */
function parseFilter(raw: string): (e: StoredEvent) => boolean {
  const tests = raw.split(/\s+and\s+/i).map((clause) => {
    const m = /^\s*([A-Za-z/]+)\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|true|false|null)\s*$/.exec(clause);
    if (!m || !FILTER_FIELDS[m[1]!])
      throw graphErrors.badRequest(
        `The $filter clause '${clause}' is not supported by the local tenant.`,
        'ErrorInvalidUrlQueryFilter',
      );
    const field = m[1]!;
    const op = m[2] as Comparison;
    let value: string | number | boolean | null;
    if (m[3] === 'true' || m[3] === 'false') value = m[3] === 'true';
    else if (m[3] === 'null') value = null;
    else value = m[3]!.slice(1, -1).replace(/''/g, "'");
    if (field.endsWith('/dateTime')) {
      if (typeof value !== 'string')
        throw graphErrors.badRequest(`'${field}' compares with a date and time.`, 'ErrorInvalidUrlQueryFilter');
      value = parseInstant(value.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`, '$filter');
    }
    const expected = value;
    return (e: StoredEvent) => {
      const actual = FILTER_FIELDS[field]!(e);
      if (op === 'eq') return actual === expected;
      if (op === 'ne') return actual !== expected;
      if (actual === null || expected === null) return false;
      if (op === 'gt') return actual > expected;
      if (op === 'ge') return actual >= expected;
      if (op === 'lt') return actual < expected;
      return actual <= expected;
    };
  });
  return (e) => tests.every((t) => t(e));
}

const ORDER_FIELDS: Record<string, (e: StoredEvent) => string | number> = {
  'start/dateTime': (e) => e.xStart,
  'end/dateTime': (e) => e.xEnd,
  createdDateTime: (e) => e.createdDateTime ?? '',
  lastModifiedDateTime: (e) => e.lastModifiedDateTime ?? '',
  subject: (e) => e.subject,
};

function applyOrder(req: Request, events: StoredEvent[]): StoredEvent[] {
  const raw = queryString(req, '$orderby');
  if (raw === undefined) return events;
  const keys = raw.split(',').map((part) => {
    const [field = '', direction = 'asc'] = part.trim().split(/\s+/);
    if (!ORDER_FIELDS[field] || !/^(asc|desc)$/i.test(direction))
      throw graphErrors.badRequest(`The $orderby '${part.trim()}' is not supported by the local tenant.`);
    return { get: ORDER_FIELDS[field]!, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return [...events].sort((a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x < y) return -k.sign;
      if (x > y) return k.sign;
    }
    return 0;
  });
}

function sendCollection(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  owner: StoredUser,
  principal: Principal,
  events: StoredEvent[],
  fragment: string,
) {
  const zone = answerZone(req, res);
  const select = parseSelect(req);
  const basic = basicOnly(principal);
  const items = events.map((e) => applySelect(renderEvent(e, zone, { basic }), select, ['@odata.etag', 'id']));
  res.json({
    '@odata.context': entityContext(ctx, owner, fragment),
    ...page(req, ctx.baseUrl(), items, parseTop(req, 1000, 10)),
  });
}

const ANSWERS: Record<string, Answer> = {
  accept: 'accepted',
  decline: 'declined',
  tentativelyAccept: 'tentativelyAccepted',
};

export function calendarRoutes(router: Router, ctx: EmulatorContext): void {
  router.post(owners('/events'), (req, res) => {
    const { owner } = calendarOwner(ctx, req, WRITE);
    assertQueryOptions(req, []);
    const input = eventCreateSchema.parse(req.body ?? {});
    const event = createEvent(ctx, owner, input);
    const zone = answerZone(req, res);
    res
      .status(201)
      .json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...renderEvent(event, zone) });
  });

  router.get(owners('/events'), (req, res) => {
    const { owner, principal } = calendarOwner(ctx, req, READ);
    assertQueryOptions(req, ['$select', '$top', '$skiptoken', '$filter', '$orderby']);
    const filter = queryString(req, '$filter');
    let events = listEvents(ctx, owner.id);
    if (filter !== undefined) events = events.filter(parseFilter(filter));
    sendCollection(ctx, req, res, owner, principal, applyOrder(req, events), 'events');
  });

  router.get(owners('/events/:eventId'), (req, res) => {
    const { owner, principal } = calendarOwner(ctx, req, READ);
    assertQueryOptions(req, ['$select']);
    const event = loadEvent(ctx, owner.id, String(req.params.eventId));
    const zone = answerZone(req, res);
    const body = applySelect(renderEvent(event, zone, { basic: basicOnly(principal) }), parseSelect(req), [
      '@odata.etag',
      'id',
    ]);
    res.json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...body });
  });

  router.patch(owners('/events/:eventId'), (req, res) => {
    const { owner } = calendarOwner(ctx, req, WRITE);
    assertQueryOptions(req, []);
    const patch = eventPatchSchema.parse(req.body ?? {});
    const event = updateEvent(ctx, owner, String(req.params.eventId), patch, req.header('if-match'));
    const zone = answerZone(req, res);
    res.json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...renderEvent(event, zone) });
  });

  router.delete(owners('/events/:eventId'), (req, res) => {
    const { owner } = calendarOwner(ctx, req, WRITE);
    assertQueryOptions(req, []);
    deleteEvent(ctx, owner, String(req.params.eventId));
    res.status(204).end();
  });

  router.post(owners('/events/:eventId/cancel'), (req, res) => {
    const { owner } = calendarOwner(ctx, req, WRITE);
    assertQueryOptions(req, []);
    const body = cancelSchema.parse(req.body ?? {});
    cancelEvent(ctx, owner, String(req.params.eventId), body.Comment ?? body.comment);
    res.status(202).end();
  });

  for (const [action, answer] of Object.entries(ANSWERS)) {
    router.post(owners(`/events/:eventId/${action}`), (req, res) => {
      const { owner } = calendarOwner(ctx, req, WRITE);
      assertQueryOptions(req, []);
      const body = respondSchema.parse(req.body ?? {});
      if (body.proposedNewTime !== undefined) {
        if (answer === 'accepted')
          throw graphErrors.badRequest(
            'proposedNewTime is only valid for decline and tentativelyAccept.',
            'ErrorInvalidRequest',
          );
        throw graphErrors.notImplemented('Proposing a new time is not supported by the local tenant.');
      }
      respondToEvent(ctx, owner, String(req.params.eventId), answer, body.sendResponse ?? true);
      res.status(202).end();
    });
  }

  router.get(owners('/calendarView'), (req, res) => {
    const { owner, principal } = calendarOwner(ctx, req, READ);
    assertQueryOptions(req, [
      'startDateTime',
      'endDateTime',
      'StartDateTime',
      'EndDateTime',
      '$select',
      '$top',
      '$skiptoken',
      '$filter',
      '$orderby',
    ]);
    const startRaw = queryString(req, 'startDateTime') ?? queryString(req, 'StartDateTime');
    const endRaw = queryString(req, 'endDateTime') ?? queryString(req, 'EndDateTime');
    if (!startRaw || !endRaw)
      throw graphErrors.badRequest(
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        'ErrorInvalidParameter',
      );
    const from = parseInstant(startRaw, 'startDateTime');
    const to = parseInstant(endRaw, 'endDateTime');
    const filter = queryString(req, '$filter');
    let events = listEvents(ctx, owner.id)
      .filter((e) => e.xStart < to && e.xEnd > from && !(e.isOrganizer && e.isCancelled))
      .sort((a, b) => a.xStart - b.xStart);
    if (filter !== undefined) events = events.filter(parseFilter(filter));
    sendCollection(ctx, req, res, owner, principal, applyOrder(req, events), 'calendarView');
  });

  router.post(['/me/calendar/getSchedule', '/users/:user/calendar/getSchedule'], (req, res) => {
    calendarOwner(ctx, req, SCHEDULE);
    assertQueryOptions(req, []);
    const body = getScheduleSchema.parse(req.body ?? {});
    const zone = answerZone(req, res);
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), 'Collection(microsoft.graph.scheduleInformation)'),
      value: getSchedule(ctx, body, zone),
    });
  });

  router.post(owners('/findMeetingTimes', false), (req, res) => {
    const { owner } = calendarOwner(ctx, req, FIND_TIMES);
    assertQueryOptions(req, []);
    const body = findMeetingTimesSchema.parse(req.body ?? {});
    const zone = answerZone(req, res);
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), 'microsoft.graph.meetingTimeSuggestionsResult'),
      ...findMeetingTimes(ctx, owner, body, zone),
    });
  });
}
