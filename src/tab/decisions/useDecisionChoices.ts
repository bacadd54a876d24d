import { useMemo } from 'react';
import { useLoad } from '../services';
import type { DecisionChoices } from './KindFields';

/** Active people of Kontakter and the kommuner, by name, for the kind-specific fields of a decision. */
export function useDecisionChoices(): DecisionChoices {
  const loaded = useLoad(async (client) => {
    const [people, organisations] = await Promise.all([client.people(), client.organisations()]);
    return { people, organisations };
  });
  return useMemo(() => {
    if (loaded.status !== 'ready') return { people: [], kommuner: [] };
    const { people, organisations } = loaded.data;
    const orgName = new Map(organisations.map((org) => [org.id, org.name]));
    return {
      people: people
        .filter((p) => !p.deactivatedOn)
        .map((p) => ({
          value: p.id,
          label: `${p.displayName} (${p.organisationName ?? orgName.get(p.organisationId) ?? ''})`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
      kommuner: organisations
        .filter((org) => org.kind === 'kommun')
        .map((org) => ({ value: org.id, label: org.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    };
  }, [loaded]);
}
