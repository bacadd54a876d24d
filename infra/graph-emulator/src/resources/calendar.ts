import type { Router } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { recordAnswer } from './calendar/answers';
import { listMeetingMessages, listOutbox } from './calendar/attendeeCopies';
import { renderEvent } from './calendar/meetings';
import {
  EVENT_KIND,
  addressesOf,
  eventNotFound,
  listEvents,
  mailboxByAddress,
  requireMailbox,
  type StoredEvent,
} from './calendar/model';
import { listOnlineMeetingRemovals } from './calendar/onlineBody';
import { CALENDAR_ROUTES } from './calendar/routes';
import { respondControlSchema } from './calendar/schemas';
import { seedCalendars } from './calendar/seed';
import { UTC_ZONE } from './calendar/time';

/**
 * Outlook calendars of the tenant's mailboxes: events and meeting invitations, answers, calendarView,
 * getSchedule and findMeetingTimes. See docs/calendar.md for the endpoints and the differences from Graph.
 */
export const calendarModule: ResourceModule = {
  name: 'calendar',
  routes: CALENDAR_ROUTES,
  controls(router: Router, ctx: EmulatorContext) {
    /** An attendee's answer as their own mail client would send it (for external people, who have no mailbox here). */
    router.post('/invitations/respond', (req, res) => {
      const parsed = respondControlSchema.safeParse(req.body);
      if (!parsed.success)
        throw graphErrors.badRequest(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
        );
      const body = parsed.data;
      const organizer = requireMailbox(ctx, body.organizer);
      const original = listEvents(ctx, organizer.id).find(
        (e) => e.isOrganizer && (body.eventId ? e.id === body.eventId : e.iCalUId === body.iCalUId),
      );
      if (!original) throw eventNotFound();
      if (original.isCancelled) throw graphErrors.badRequest('The meeting has been canceled.', 'ErrorInvalidRequest');
      const time = ctx.now().toISOString();
      const attendee = body.attendee.toLowerCase();
      const updated = ctx.store.transaction(() => {
        const mailbox = mailboxByAddress(ctx, attendee);
        const addresses = mailbox ? addressesOf(mailbox) : [attendee];
        if (!recordAnswer(ctx, original, addresses, body.response, time)) return false;
        const copyId = mailbox ? original.xCopies?.[mailbox.id] : undefined;
        const copy = copyId && mailbox ? ctx.store.get<StoredEvent>(EVENT_KIND, mailbox.id, copyId) : undefined;
        if (copy && mailbox) {
          copy.responseStatus = { response: body.response, time };
          copy.showAs =
            body.response === 'declined' ? 'free' : body.response === 'accepted' ? original.showAs : 'tentative';
          ctx.store.put(EVENT_KIND, mailbox.id, copy.id, copy);
        }
        return true;
      });
      if (!updated) throw graphErrors.badRequest(`'${body.attendee}' is not an attendee of this meeting.`);
      res.json({ event: renderEvent(original, UTC_ZONE) });
    });

    /** What Exchange would have e-mailed to people outside the tenant: invitations, updates, cancellations. */
    router.get('/outbox', (req, res) => {
      const to = typeof req.query.to === 'string' ? req.query.to.toLowerCase() : undefined;
      const iCalUId = typeof req.query.iCalUId === 'string' ? req.query.iCalUId : undefined;
      const messages = listOutbox(ctx).filter((m) => (!to || m.to === to) && (!iCalUId || m.iCalUId === iCalUId));
      res.json({ value: messages });
    });

    /** The meeting messages in internal attendees' inboxes (requests, updates, cancellations), oldest first. */
    router.get('/meetingMessages', (req, res) => {
      const to = typeof req.query.to === 'string' ? req.query.to.toLowerCase() : undefined;
      const iCalUId = typeof req.query.iCalUId === 'string' ? req.query.iCalUId : undefined;
      const messages = listMeetingMessages(ctx).filter(
        (m) => (!to || m.to === to) && (!iCalUId || m.iCalUId === iCalUId),
      );
      res.json({ value: messages });
    });

    /** Teams meetings an organiser's update took off an event (a body without the blob, or turned off). */
    router.get('/onlineMeetingRemovals', (req, res) => {
      const iCalUId = typeof req.query.iCalUId === 'string' ? req.query.iCalUId : undefined;
      res.json({ value: listOnlineMeetingRemovals(ctx).filter((r) => !iCalUId || r.iCalUId === iCalUId) });
    });
  },
  seed(ctx: EmulatorContext) {
    seedCalendars(ctx);
  },
};
