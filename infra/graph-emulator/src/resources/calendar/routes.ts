import type { Request, Response } from 'express';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { FilterSyntaxError, filterPredicate, type Literal, type PathBinding } from '../../filter';
import type { StoredUser } from '../../model';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop, queryString } from '../../odata';
import { principalOf, type Principal } from '../../permissions';
import { param, type MountTable, type Route } from '../../routing';
import { findMeetingTimes, getSchedule } from './availability';
import { respondToEvent, type Answer } from './answers';
import { cancelEvent, createEvent, deleteEvent, renderEvent, updateEvent } from './meetings';
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
function calendarOwner(ctx: EmulatorContext, req: Request): { principal: Principal; owner: StoredUser } {
  const principal = principalOf(req);
  const userKey = req.params.user;
  if (userKey === undefined) {
    if (principal.kind !== 'delegated')
      throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
    return { principal, owner: requireMailbox(ctx, principal.userId) };
  }
  const owner = requireMailbox(ctx, param(req, 'user'));
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

const FILTER_FIELDS: Record<string, PathBinding<StoredEvent>> = {
  subject: { kind: 'string', read: (e) => e.subject },
  iCalUId: { kind: 'string', read: (e) => e.iCalUId },
  transactionId: { kind: 'string', read: (e) => e.transactionId ?? null },
  showAs: { kind: 'string', read: (e) => e.showAs },
  type: { kind: 'string', read: (e) => e.type ?? 'singleInstance' },
  isOrganizer: { kind: 'boolean', read: (e) => e.isOrganizer },
  isCancelled: { kind: 'boolean', read: (e) => e.isCancelled },
  isAllDay: { kind: 'boolean', read: (e) => e.isAllDay ?? false },
  'start/dateTime': { kind: 'dateTime', read: (e) => e.xStart, literal: eventInstant('start/dateTime') },
  'end/dateTime': { kind: 'dateTime', read: (e) => e.xEnd, literal: eventInstant('end/dateTime') },
};

/** Exchange reads a `dateTime` without offset in `$filter` as UTC. */
function eventInstant(field: string) {
  return (literal: Literal): number | null => {
    if (literal.kind === 'null') return null;
    if (literal.kind !== 'string' && literal.kind !== 'dateTime')
      throw new FilterSyntaxError(`'${field}' compares with a date and time.`);
    const value = literal.value;
    return parseInstant(value.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`, '$filter');
  };
}

/** `$filter` on events: the shared parser over the properties above; anything else is a 400, never ignored. */
function eventFilter(raw: string): (e: StoredEvent) => boolean {
  const bind = (segments: string[]): PathBinding<StoredEvent> => {
    const binding = FILTER_FIELDS[segments.join('/')];
    if (!binding) throw new FilterSyntaxError(`The property '${segments.join('/')}' cannot be filtered on.`);
    return binding;
  };
  return filterPredicate(raw, bind, { caseInsensitive: false }, (message) =>
    graphErrors.badRequest(
      `The $filter '${raw}' is not supported by the local tenant: ${message}`,
      'ErrorInvalidUrlQueryFilter',
    ),
  );
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

function createUserEvent(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner } = calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  const input = eventCreateSchema.parse(req.body ?? {});
  const event = createEvent(ctx, owner, input);
  const zone = answerZone(req, res);
  res.status(201).json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...renderEvent(event, zone) });
}

function listUserEvents(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner, principal } = calendarOwner(ctx, req);
  assertQueryOptions(req, ['$select', '$top', '$skiptoken', '$filter', '$orderby']);
  const filter = queryString(req, '$filter');
  let events = listEvents(ctx, owner.id);
  if (filter !== undefined) events = events.filter(eventFilter(filter));
  sendCollection(ctx, req, res, owner, principal, applyOrder(req, events), 'events');
}

function getUserEvent(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner, principal } = calendarOwner(ctx, req);
  assertQueryOptions(req, ['$select']);
  const event = loadEvent(ctx, owner.id, param(req, 'eventId'));
  const zone = answerZone(req, res);
  const body = applySelect(renderEvent(event, zone, { basic: basicOnly(principal) }), parseSelect(req), [
    '@odata.etag',
    'id',
  ]);
  res.json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...body, ...calendarLinks(ctx, owner) });
}

/**
 * The default calendar's links, as event-get's example carries them on a single event (`users('{oid}@{tid}')`,
 * an opaque calendar id; here derived from the owner's id).
 */
function calendarLinks(ctx: EmulatorContext, owner: StoredUser) {
  const calendarId = Buffer.from(`calendar:${owner.id}`).toString('base64url');
  const calendar = `${ctx.baseUrl()}/v1.0/users('${owner.id}@${ctx.tenantId}')/calendars('${calendarId}')`;
  return { 'calendar@odata.associationLink': `${calendar}/$ref`, 'calendar@odata.navigationLink': calendar };
}

function updateUserEvent(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner } = calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  const patch = eventPatchSchema.parse(req.body ?? {});
  const event = updateEvent(ctx, owner, param(req, 'eventId'), patch, req.header('if-match'));
  const zone = answerZone(req, res);
  res.json({ '@odata.context': entityContext(ctx, owner, 'events/$entity'), ...renderEvent(event, zone) });
}

function deleteUserEvent(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner } = calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  deleteEvent(ctx, owner, param(req, 'eventId'));
  res.status(204).end();
}

function cancelUserEvent(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner } = calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  const body = cancelSchema.parse(req.body ?? {});
  cancelEvent(ctx, owner, param(req, 'eventId'), body.Comment ?? body.comment);
  res.status(202).end();
}

function listCalendarView(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner, principal } = calendarOwner(ctx, req);
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
  if (filter !== undefined) events = events.filter(eventFilter(filter));
  sendCollection(ctx, req, res, owner, principal, applyOrder(req, events), 'calendarView');
}

function getUserSchedule(ctx: EmulatorContext, req: Request, res: Response): void {
  calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  const body = getScheduleSchema.parse(req.body ?? {});
  const zone = answerZone(req, res);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'Collection(microsoft.graph.scheduleInformation)'),
    value: getSchedule(ctx, body, zone),
  });
}

function findUserMeetingTimes(ctx: EmulatorContext, req: Request, res: Response): void {
  const { owner } = calendarOwner(ctx, req);
  assertQueryOptions(req, []);
  const body = findMeetingTimesSchema.parse(req.body ?? {});
  const zone = answerZone(req, res);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'microsoft.graph.meetingTimeSuggestionsResult'),
    ...findMeetingTimes(ctx, owner, body, zone),
  });
}

function answerUserEvent(answer: Answer) {
  return (ctx: EmulatorContext, req: Request, res: Response): void => {
    const { owner } = calendarOwner(ctx, req);
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
    respondToEvent(ctx, owner, param(req, 'eventId'), answer, body.sendResponse ?? true);
    res.status(202).end();
  };
}

/** Events, answers, calendarView, getSchedule and findMeetingTimes: (method, path) → operation. */
export const CALENDAR_ROUTES: MountTable = [
  {
    method: 'POST',
    path: owners('/events'),
    operation: 'POST /users/{id}/events (and /me/events)',
    handler: createUserEvent,
  },
  { method: 'GET', path: owners('/events'), operation: 'GET /users/{id}/events', handler: listUserEvents },
  { method: 'GET', path: owners('/events/:eventId'), operation: 'GET /users/{id}/events/{id}', handler: getUserEvent },
  {
    method: 'PATCH',
    path: owners('/events/:eventId'),
    operation: 'PATCH /users/{id}/events/{id}',
    handler: updateUserEvent,
  },
  {
    method: 'DELETE',
    path: owners('/events/:eventId'),
    operation: 'DELETE /users/{id}/events/{id}',
    handler: deleteUserEvent,
  },
  {
    method: 'POST',
    path: owners('/events/:eventId/cancel'),
    operation: 'POST /users/{id}/events/{id}/cancel',
    handler: cancelUserEvent,
  },
  {
    method: 'GET',
    path: owners('/calendarView'),
    operation: 'GET /users/{id}/calendarView',
    handler: listCalendarView,
  },
  {
    method: 'POST',
    path: ['/me/calendar/getSchedule', '/users/:user/calendar/getSchedule'],
    operation: 'POST /users/{id}/calendar/getSchedule',
    handler: getUserSchedule,
  },
  {
    method: 'POST',
    path: owners('/findMeetingTimes', false),
    operation: 'POST /users/{id}/findMeetingTimes (and /me/findMeetingTimes)',
    handler: findUserMeetingTimes,
  },
  ...Object.entries(ANSWERS).map(([action, answer]): Route => ({
    method: 'POST',
    path: owners(`/events/:eventId/${action}`),
    operation: `POST /users/{id}/events/{id}/${action}`,
    handler: answerUserEvent(answer),
  })),
];
