export const ROLES = ['ordforande', 'samordnare', 'samverkansgrupp', 'stodgrupp', 'arbetsgrupp'] as const;
export type Role = (typeof ROLES)[number];
export type Language = 'sv' | 'en';

export const ROLE_LABELS: Record<Role, Record<Language, string>> = {
  ordforande: { sv: 'Ordförande', en: 'Chair' },
  samordnare: { sv: 'Samordnare', en: 'Coordinator' },
  samverkansgrupp: { sv: 'Samverkansgruppen', en: 'Collaboration group' },
  stodgrupp: { sv: 'Stödgruppen', en: 'Support group' },
  arbetsgrupp: { sv: 'Arbetsgrupp', en: 'Working group' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: Role, lang: Language = 'sv'): string {
  return ROLE_LABELS[role][lang];
}
