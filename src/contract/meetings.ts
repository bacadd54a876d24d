import { z } from 'zod';
import { localTimeSchema } from '../domain/localTime';
import { MEETING_GROUPS, MEETING_STATUSES, SEASONS } from '../domain/meetingLists';
import { DECISION_KINDS } from '../domain/decisions';
import { APPROVAL_STEPS } from '../domain/protocolTurn';
import { PROTOCOL_KINDS } from '../domain/protocolKind';
import { BOUNDS, meetingTimeIssues } from '../domain/bounds';
import { isoDateInput, lineText, longText } from './common';
import { appointmentFields, appointmentRefinement } from './appointment';
import { agendaItemIdSchema } from './minutes';

import { meetingYearSchema as year, windowReasonSchema as reasonSchema } from './polls';

export * from './polls';

/** The meetings endpoints (/api/meetings): requests as the server checks them, answers as it sends them. */

const isoDate = isoDateInput;

export const EXTRA_MEETING_REASON_MAX = 500;

const extraMeetingSchema = z
  .object({
    reason: z
      .string({ error: 'Skälet till det extra mötet måste vara text.' })
      .trim()
      .min(1, 'Ange skälet till det extra mötet.')
      .max(EXTRA_MEETING_REASON_MAX, `Skälet får vara högst ${EXTRA_MEETING_REASON_MAX} tecken.`),
  })
  .strict();

/** A meeting's times within the meeting day (07:00–20:00), ending at least 15 minutes after it starts. */
function meetingTimes(value: { startTime: string; endTime: string }, ctx: z.RefinementCtx): void {
  for (const issue of meetingTimeIssues(value.startTime, value.endTime))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

export const planRequestSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    year,
    season: z.enum(SEASONS, { error: 'Välj vår eller höst.' }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    durationMinutes: z
      .number({ error: 'Längden måste vara ett antal minuter.' })
      .int('Längden måste vara ett helt antal minuter.')
      .min(30, 'Mötet måste vara minst 30 minuter.')
      .max(480, 'Högst åtta timmar.'),
    earliest: localTimeSchema.default('09:00'),
    latest: localTimeSchema.default('16:00'),
    outsideWindowReason: reasonSchema,
  })
  .strict();

export type PlanRequest = z.input<typeof planRequestSchema>;

const documentSchema = z.object({
  title: lineText(200),
  url: lineText(2000).pipe(z.url({ error: 'Ogiltig länk.' })),
});

export const sendRequestSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    date: isoDate,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    season: z.enum(SEASONS, { error: 'Välj vår eller höst.' }).optional(),
    title: lineText(200).optional(),
    room: lineText(200).optional(),
    online: z.boolean({ error: 'Ange ja eller nej.' }).default(true),
    outsideWindowReason: reasonSchema,
    documents: z.array(documentSchema).max(20, 'Högst 20 handlingar.').default([]),
    extraItems: z.array(lineText(255)).max(20, 'Högst 20 extra punkter.').default([]),
    /** A second samverkansgrupp meeting in the same season: "extra möte", with the reason that is recorded. */
    extraMeeting: extraMeetingSchema.optional(),
    /** The meeting prepared as a draft (issue #16): its dagordning and handlingar; its register item becomes the meeting. */
    draftId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt utkast.')
      .optional(),
    /** The same key on a retried request makes no second invitation. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Ogiltig idempotensnyckel.'),
  })
  .strict()
  .superRefine(meetingTimes);

export type SendRequest = z.input<typeof sendRequestSchema>;

export const rescheduleRequestSchema = z
  .object({
    date: isoDate,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    room: lineText(200).optional(),
    outsideWindowReason: reasonSchema,
  })
  .strict()
  .superRefine(meetingTimes);

export const cancelRequestSchema = z.object({ comment: longText(2000) }).strict();

const email = z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255);

export const attendanceRequestSchema = z
  .object({
    rows: z
      .array(z.object({ email, present: z.boolean() }).strict())
      .min(1, 'Ange minst en rad.')
      .max(BOUNDS.attendees, `Högst ${BOUNDS.attendees} rader.`),
  })
  .strict();

/**
 * PUT /:id/protocol: a protokoll names its secretary, chair and two justerare; stödgruppen's minnesanteckningar
 * (protocolKind) the secretary alone, and the domain refuses a chair or justerare for them.
 */
export const protocolRequestSchema = z
  .object({
    secretaryEmail: email,
    chairEmail: email.optional(),
    adjusterEmails: z
      .array(email, { error: 'Justerarna anges som en lista.' })
      .max(2, 'Utse exakt två justerare.')
      .optional(),
    /** The secretary is not the samordnare but a stand-in the meeting chose (recorded, printed as such). */
    secretaryChosenByMeeting: z.boolean({ error: 'Ange om mötet valde sekreteraren.' }).optional(),
  })
  .strict();

export const meetingDecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS, {
      error: (issue) => `Okänd beslutstyp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    text: longText(10_000),
    ownerEmail: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
    followUpDue: isoDateInput.optional(),
    /** The point of the dagordning it was taken under (src/contract/minutes.ts). */
    agendaItemId: agendaItemIdSchema.optional(),
    ...appointmentFields,
  })
  .strict()
  .superRefine(appointmentRefinement);

// Answers

export const meetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  group: z.enum(MEETING_GROUPS).nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  status: z.enum(MEETING_STATUSES).nullable(),
});
export type MeetingSummaryDto = z.infer<typeof meetingSummarySchema>;

const availabilityList = z.array(z.string());

export const candidateSchema = z.object({
  start: z.string(),
  end: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  label: z.string(),
  confidence: z.number(),
  convenerAvailability: z.string(),
  counts: z.object({ free: z.number(), tentative: z.number(), busy: z.number(), unknown: z.number() }),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      free: availabilityList,
      tentative: availabilityList,
      busy: availabilityList,
      unknown: availabilityList,
    }),
  ),
  warnings: z.array(z.string()),
});
export type CandidateDto = z.infer<typeof candidateSchema>;

export const meetingPlanSchema = z.object({
  group: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  outsideWindow: z.boolean(),
  workingDays: z.number(),
  attendees: z.number(),
  candidates: z.array(candidateSchema),
  unknownAvailability: z.object({ people: z.number(), organisations: z.array(z.string()), label: z.string() }),
  pollAdvised: z.boolean(),
  message: z.string(),
});
export type MeetingPlanDto = z.infer<typeof meetingPlanSchema>;

export const meetingRecordSchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  group: z.enum(MEETING_GROUPS),
  season: z.string().optional(),
  year: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  status: z.enum(MEETING_STATUSES),
  eventId: z.string().optional(),
  location: z.string().optional(),
  isOnline: z.boolean(),
  joinUrl: z.string().optional(),
  convenerEmail: z.string().optional(),
  outsideWindowReason: z.string().optional(),
  extraMeetingReason: z.string().optional(),
  agendaText: z.string().optional(),
  cancelComment: z.string().optional(),
  archiveUrl: z.string().optional(),
});
export type MeetingRecordDto = z.infer<typeof meetingRecordSchema>;

const countsShape = {
  invited: z.number(),
  accepted: z.number(),
  tentative: z.number(),
  declined: z.number(),
  noAnswer: z.number(),
};

export const personAnswerSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  organisationId: z.string().optional(),
  answer: z.enum(['accepted', 'tentative', 'declined', 'noAnswer']),
  label: z.string(),
  isOrganizer: z.boolean(),
});
export type PersonAnswerDto = z.infer<typeof personAnswerSchema>;

export const meetingAnswersSchema = z.object({
  meeting: meetingRecordSchema,
  totals: z.object(countsShape),
  organisations: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.string(), ...countsShape })),
  people: z.array(personAnswerSchema),
  warnings: z.array(z.object({ code: z.string(), organisationId: z.string(), message: z.string() })),
  notAnswered: z.array(personAnswerSchema),
});
export type MeetingAnswersDto = z.infer<typeof meetingAnswersSchema>;

export const attendanceSchema = z.array(
  z.object({
    email: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    present: z.boolean(),
    recorded: z.boolean(),
  }),
);
export type AttendanceRowDto = z.infer<typeof attendanceSchema>[number];

export const meetingDecisionViewSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: z.string(),
  text: z.string(),
  decidedOn: z.string(),
  ownerPersonId: z.string().optional(),
  followUp: z.string(),
  followUpDue: z.string().optional(),
  agendaItemId: z.string().optional(),
  paragraph: z.number().optional(),
});
export type MeetingDecisionDto = z.infer<typeof meetingDecisionViewSchema>;

export const protocolViewSchema = z.object({
  meetingId: z.string(),
  /** A protokoll, or stödgruppen's minnesanteckningar (fastställda by the secretary, no justering). */
  kind: z.enum(PROTOCOL_KINDS).optional(),
  status: z.enum(['utkast', 'justerat', 'faststallt', 'saknas']),
  secretaryEmail: z.string().optional(),
  chairEmail: z.string().optional(),
  adjusterEmails: z.array(z.string()),
  approvals: z.array(z.object({ personId: z.string(), at: z.string() })),
  lockedAt: z.string().optional(),
  secretaryChosenByMeeting: z.boolean().optional(),
  /** One up with each change that withdraws the approvals (#16); the approval names the version it read. */
  version: z.number().optional(),
  /** Whose turn it is: the secretary, the chair, then the justerare (e-mail addresses). */
  turn: z.object({ step: z.enum(APPROVAL_STEPS), waitingFor: z.array(z.string()) }).optional(),
  sections: z
    .object({
      title: z.string(),
      status: z.string(),
      dagordning: z.array(z.string()),
      beslut: z.array(z.object({ paragraph: z.string(), kind: z.string(), text: z.string() })),
    })
    .loose()
    .optional(),
});
export type ProtocolViewDto = z.infer<typeof protocolViewSchema>;

/** An approval names the version of the protokoll its approver read (absent: whatever is current). */
export const protocolApprovalRequestSchema = z.object({
  version: z.number({ error: 'Protokollets version måste vara ett tal.' }).int().min(0).optional(),
});

export const reminderSchema = z.object({
  posted: z.boolean(),
  already: z.boolean(),
  mentioned: z.array(z.string()),
  listed: z.array(z.string()),
});
export type ReminderResultDto = z.infer<typeof reminderSchema>;

/** Where a new poll's card went in Teams (POST /api/meetings/polls answers `{ poll, channelCard }`). */
export const channelCardSchema = z.object({ posted: z.boolean(), problem: z.string().optional() });

/** POST /api/meetings/kallelse/preview (same body as the send): what the kallelse would send; nothing is written. */
export const kallelsePreviewSchema = z.object({
  subject: z.string(),
  /** Stockholm wall clock (timeZone). */
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z.literal('Europe/Stockholm'),
  place: z.string().optional(),
  /** Whether the send makes a Teams meeting link. */
  teamsLink: z.boolean(),
  /** The dagordning the send would generate. */
  agenda: z.array(
    z.object({
      number: z.number(),
      kind: z.string(),
      title: z.string(),
      details: z.string().optional(),
      note: z.string().optional(),
      documents: z.array(z.object({ title: z.string(), url: z.string() })).optional(),
    }),
  ),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  /** The invitees per organisation, by the organisation's name. */
  recipients: z.array(
    z.object({ organisation: z.string(), people: z.array(z.object({ name: z.string(), email: z.string() })) }),
  ),
  recipientCount: z.number(),
  /** The season already has an ordinary samverkansgrupp meeting: the send needs "extra möte" and a reason. */
  seasonAlreadyCalled: z.boolean(),
});
export type KallelsePreview = z.infer<typeof kallelsePreviewSchema>;

/** GET /api/meetings/convener: who calls samverkansgruppen today (#17), the line the Möten page shows. */
export const convenerAnswerSchema = z.object({
  convener: z.object({
    kind: z.enum(['ordforande', 'utsedd']),
    personId: z.string().optional(),
    displayName: z.string().optional(),
    decisionId: z.string().optional(),
    paragraph: z.number().int().optional(),
    validUntil: z.string().optional(),
    line: z.string(),
  }),
});
export type ConvenerAnswer = z.infer<typeof convenerAnswerSchema>;
