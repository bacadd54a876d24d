import type { Agenda, Meeting, Organisation, Person } from '../../../src/domain';
import type { KallelsePreview, SendRequest } from '../../../src/contract';

export interface PreviewInput {
  request: Pick<SendRequest, 'online'>;
  meeting: Meeting;
  agenda: Agenda;
  attendees: readonly Pick<Person, 'displayName' | 'email' | 'organisationId'>[];
  organisations: readonly Organisation[];
  seasonAlreadyCalled: boolean;
}

/** The kallelse as the send would make it, for the tab to show before the one confirmed send (issue #16). */
export function kallelsePreview(input: PreviewInput): KallelsePreview {
  const { meeting, agenda } = input;
  const names = new Map(input.organisations.map((org) => [org.id, org.name]));
  const byOrganisation = new Map<string, { name: string; email: string }[]>();
  for (const person of input.attendees) {
    const list = byOrganisation.get(person.organisationId) ?? [];
    list.push({ name: person.displayName, email: person.email });
    byOrganisation.set(person.organisationId, list);
  }
  const recipients = [...byOrganisation.entries()]
    .map(([id, people]) => ({
      organisation: names.get(id) ?? 'Okänd organisation',
      people: people.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation, 'sv'));
  return {
    subject: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    timeZone: 'Europe/Stockholm',
    ...(meeting.location ? { place: meeting.location } : {}),
    teamsLink: input.request.online === true,
    agenda: agenda.items.map((item) => ({
      number: item.number,
      kind: item.kind,
      title: item.title,
      ...(item.details ? { details: item.details } : {}),
      ...(item.note ? { note: item.note } : {}),
      ...(item.documents ? { documents: item.documents.map((doc) => ({ ...doc })) } : {}),
    })),
    documents: agenda.documents.map((doc) => ({ title: doc.title, url: doc.url })),
    recipients,
    recipientCount: input.attendees.length,
    seasonAlreadyCalled: input.seasonAlreadyCalled,
  };
}
