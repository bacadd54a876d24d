/** The value lists of Uppdrag (#17), without the date rules: light enough for the tab's first load. */
export const ASSIGNMENT_STATUSES = ['ej_paborjat', 'pagar', 'klart', 'avbrutet'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, { sv: string; en: string }> = {
  ej_paborjat: { sv: 'Ej påbörjat', en: 'Not started' },
  pagar: { sv: 'Pågår', en: 'In progress' },
  klart: { sv: 'Klart', en: 'Done' },
  avbrutet: { sv: 'Avbrutet', en: 'Cancelled' },
};

export const ASSIGNEE_KINDS = ['person', 'arbetsgrupp'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];
