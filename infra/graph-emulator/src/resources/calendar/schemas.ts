import { z } from 'zod';

/** Request bodies, strict as the rest of the local tenant: a property Graph would not take is a 400. */
const odataType = z.string().optional();

/**
 * An enum as Graph reads it: the member names compared without regard to case (Graph's own examples write
 * `"contentType": "HTML"` for `html` and `"type": "Required"` for `required`), answered in Graph's casing.
 */
export function graphEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const canonical = new Map(values.map((v) => [v.toLowerCase(), v] as const));
  return z.string().transform((s, issue) => {
    const found = canonical.get(s.toLowerCase());
    if (found === undefined) {
      issue.addIssue({ code: 'custom', message: `'${s}' is not one of ${values.join(', ')}` });
      return z.NEVER;
    }
    return found as T[number];
  });
}

export const dateTimeTimeZoneSchema = z
  .object({ '@odata.type': odataType, dateTime: z.string().min(1), timeZone: z.string().min(1).optional() })
  .strict();

const emailAddressSchema = z
  .object({ '@odata.type': odataType, address: z.email(), name: z.string().optional() })
  .strict();

const physicalAddressSchema = z
  .object({
    '@odata.type': odataType,
    street: z.string().optional(),
    city: z.string().optional(),
    state: z.string().optional(),
    countryOrRegion: z.string().optional(),
    postalCode: z.string().optional(),
  })
  .strict();

export const locationSchema = z
  .object({
    '@odata.type': odataType,
    displayName: z.string().optional(),
    locationType: graphEnum([
      'default',
      'conferenceRoom',
      'homeAddress',
      'businessAddress',
      'geoCoordinates',
      'streetAddress',
      'hotel',
      'restaurant',
      'localBusiness',
      'postalAddress',
    ]).optional(),
    locationUri: z.string().optional(),
    locationEmailAddress: z.string().optional(),
    uniqueId: z.string().optional(),
    uniqueIdType: graphEnum(['unknown', 'locationStore', 'directory', 'private', 'bing']).optional(),
    address: physicalAddressSchema.optional(),
  })
  .strict();

const responseTypes = ['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded'] as const;

export const attendeeSchema = z
  .object({
    '@odata.type': odataType,
    emailAddress: emailAddressSchema,
    type: graphEnum(['required', 'optional', 'resource']).default('required'),
    /** Clients often send back attendees they read; Graph ignores a status on input, so does the emulator. */
    status: z
      .object({ response: graphEnum(responseTypes).optional(), time: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();

const bodySchema = z
  .object({
    '@odata.type': odataType,
    contentType: graphEnum(['text', 'html']),
    content: z.string(),
  })
  .strict();

const showAs = graphEnum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);

const eventFields = {
  '@odata.type': z.literal('#microsoft.graph.event').optional(),
  subject: z.string().max(255).optional(),
  body: bodySchema.optional(),
  start: dateTimeTimeZoneSchema,
  end: dateTimeTimeZoneSchema,
  location: locationSchema.optional(),
  locations: z.array(locationSchema).optional(),
  attendees: z.array(attendeeSchema).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: graphEnum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  allowNewTimeProposals: z.boolean().optional(),
  categories: z.array(z.string()).optional(),
  showAs: showAs.optional(),
  isReminderOn: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().int().min(0).optional(),
  importance: graphEnum(['low', 'normal', 'high']).optional(),
  sensitivity: graphEnum(['normal', 'personal', 'private', 'confidential']).optional(),
  isAllDay: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  /** Accepted by the schema so that the answer is Graph's "not supported here" (501), not a parse error. */
  recurrence: z.unknown().optional(),
};

export const eventCreateSchema = z
  .object({ ...eventFields, transactionId: z.string().min(1).max(255).optional() })
  .strict();
export type EventCreate = z.infer<typeof eventCreateSchema>;

export const eventPatchSchema = z
  .object({ ...eventFields, start: dateTimeTimeZoneSchema.optional(), end: dateTimeTimeZoneSchema.optional() })
  .strict();
export type EventPatch = z.infer<typeof eventPatchSchema>;

export const cancelSchema = z.object({ Comment: z.string().optional(), comment: z.string().optional() }).strict();

export const respondSchema = z
  .object({
    comment: z.string().optional(),
    sendResponse: z.boolean().optional(),
    proposedNewTime: z.unknown().optional(),
  })
  .strict();

export const getScheduleSchema = z
  .object({
    schedules: z.array(z.string().min(1)).min(1).max(100),
    startTime: dateTimeTimeZoneSchema,
    endTime: dateTimeTimeZoneSchema,
    availabilityViewInterval: z.number().int().min(5).max(1440).optional(),
  })
  .strict();

const attendeeBaseSchema = z
  .object({
    '@odata.type': odataType,
    emailAddress: emailAddressSchema,
    type: graphEnum(['required', 'optional', 'resource']).default('required'),
  })
  .strict();

const timeSlotSchema = z
  .object({ '@odata.type': odataType, start: dateTimeTimeZoneSchema, end: dateTimeTimeZoneSchema })
  .strict();

/** Graph's own example sends booleans and numbers as strings ("true", "100"): accept both, as Graph does. */
const looseBoolean = z.union([
  z.boolean(),
  graphEnum(['true', 'false', 'True', 'False']).transform((s) => s.toLowerCase() === 'true'),
]);
const looseNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number),
]);

export const findMeetingTimesSchema = z
  .object({
    attendees: z.array(attendeeBaseSchema).max(500).optional(),
    timeConstraint: z
      .object({
        '@odata.type': odataType,
        activityDomain: graphEnum(['work', 'personal', 'unrestricted', 'unknown']).optional(),
        timeSlots: z.array(timeSlotSchema).optional(),
        timeslots: z.array(timeSlotSchema).optional(),
      })
      .strict()
      .optional(),
    meetingDuration: z.string().optional(),
    minimumAttendeePercentage: looseNumber.pipe(z.number().min(0).max(100)).optional(),
    maxCandidates: looseNumber.pipe(z.number().int().min(1).max(1000)).optional(),
    isOrganizerOptional: looseBoolean.optional(),
    returnSuggestionReasons: looseBoolean.optional(),
    /** No rooms here: the locations asked for come back with each suggestion, as Graph does without resolving. */
    locationConstraint: z
      .object({
        '@odata.type': odataType,
        isRequired: looseBoolean.optional(),
        suggestLocation: looseBoolean.optional(),
        locations: z
          .array(
            z
              .object({
                '@odata.type': odataType,
                displayName: z.string(),
                locationEmailAddress: z.string().optional(),
                resolveAvailability: looseBoolean.optional(),
                address: physicalAddressSchema.optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type FindMeetingTimesBody = z.infer<typeof findMeetingTimesSchema>;

export const respondControlSchema = z
  .object({
    eventId: z.string().min(1).optional(),
    iCalUId: z.string().min(1).optional(),
    organizer: z.string().min(1),
    attendee: z.email(),
    response: z.enum(['accepted', 'declined', 'tentativelyAccepted']),
    comment: z.string().optional(),
  })
  .strict()
  .refine((b) => b.eventId !== undefined || b.iCalUId !== undefined, { message: 'eventId or iCalUId is required' });
