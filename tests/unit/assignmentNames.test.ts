import { describe, expect, it } from '@jest/globals';
import { assigneeNameOf as nameOf, type Assignees } from '../../api/services/economy';
import type { ContactRecord } from '../../api/services/contacts';

describe('an uppdrag’s owner by name, never by a list id (#18)', () => {
  const assignees: Assignees = {
    people: new Map([['12', { displayName: 'Erik Lundqvist' } as ContactRecord]]),
    groups: new Map([['3', { id: '3', eTag: '"1"', fields: { Title: 'Klimatanpassning' } }]]) as Assignees['groups'],
  };

  it('names a known person and group', () => {
    expect(nameOf(assignees, 'person', '12')).toBe('Erik Lundqvist');
    expect(nameOf(assignees, 'arbetsgrupp', '3')).toBe('Klimatanpassning');
  });

  it('names a contact or group that is gone in Swedish, without its id', () => {
    expect(nameOf(assignees, 'person', '99')).toBe('Tidigare kontakt');
    expect(nameOf(assignees, 'arbetsgrupp', '98')).toBe('Avslutad arbetsgrupp');
    expect(nameOf(assignees, 'person', '99')).not.toMatch(/\d/);
  });
});
