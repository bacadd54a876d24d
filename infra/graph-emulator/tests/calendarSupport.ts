import type { Event } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { control } from './support';

/** Helpers shared by the calendar conformance tests (not a test file: jest matches *.test.ts only). */
export const PER = 'per.holmberg@regionvasterbotten.se';
export const SARA = 'sara.oberg@regionvasterbotten.se';
export const EXTERNAL = 'anna.extern@konsultbolaget.example';

export interface OutboxMessage {
  type: 'invitation' | 'update' | 'cancellation';
  to: string;
  iCalUId: string;
  subject: string;
  comment?: string;
}

export async function outbox(tenant: RunningTenant, query: Record<string, string>): Promise<OutboxMessage[]> {
  const response = await control(tenant, 'GET', `/outbox?${new URLSearchParams(query).toString()}`);
  return ((await response.json()) as { value: OutboxMessage[] }).value;
}

export function meeting(overrides: Partial<Event> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Samverkansgruppen',
    body: { contentType: 'HTML', content: '<p>Dagordning följer.</p>' },
    start: { dateTime: '2027-09-07T09:00:00', timeZone: 'Europe/Stockholm' },
    end: { dateTime: '2027-09-07T10:00:00', timeZone: 'Europe/Stockholm' },
    location: { displayName: 'Regionens hus, Umeå' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...overrides,
  };
}
