export const SAMVERKANSOMRADEN = [
  'kompetensutveckling',
  'erfarenhetsutbyte',
  'tillsynsprojekt',
  'omvarldsbevakning',
  'information',
] as const;
export type Samverkansomrade = (typeof SAMVERKANSOMRADEN)[number];

export const SAMVERKANSOMRADE_LABELS: Record<Samverkansomrade, { sv: string; en: string }> = {
  kompetensutveckling: { sv: 'Kompetensutveckling', en: 'Competence development' },
  erfarenhetsutbyte: { sv: 'Erfarenhetsutbyte', en: 'Exchange of experience' },
  tillsynsprojekt: { sv: 'Tillsynsprojekt', en: 'Supervision projects' },
  omvarldsbevakning: { sv: 'Omvärldsbevakning', en: 'External monitoring' },
  information: { sv: 'Information och informationsinsatser', en: 'Information and information campaigns' },
};

export function samverkansomradeLabel(area: Samverkansomrade, lang: 'sv' | 'en' = 'sv'): string {
  return SAMVERKANSOMRADE_LABELS[area][lang];
}

export function isSamverkansomrade(value: unknown): value is Samverkansomrade {
  return typeof value === 'string' && (SAMVERKANSOMRADEN as readonly string[]).includes(value);
}
