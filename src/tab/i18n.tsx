import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { activitiesMessages } from './i18n/activities';
import { assignmentsMessages } from './i18n/assignments';
import type { budgetMessages } from './i18n/budget';
import type { contactsMessages } from './i18n/contacts';
import type { decisionsMessages } from './i18n/decisions';
import type { meetingsMessages } from './i18n/meetings';
import type { meetingPanelMessages } from './i18n/meetingPanel';
import type { workingGroupsMessages } from './i18n/workingGroups';
import { uxMessages } from './i18n/ux';
import { rhythmMessages } from './i18n/rhythm';

export type Language = 'sv' | 'en';

/**
 * The other pages' strings (Möten, Aktiviteter, Budget, Beslut, Kontakter, Arbetsgrupper): not in the tab's first
 * load. `./i18n/pages` adds them when a page is loaded (Shell loads it with every page but Översikt).
 */
type PageMessages = typeof meetingsMessages.sv &
  typeof meetingPanelMessages.sv &
  typeof activitiesMessages.sv &
  typeof budgetMessages.sv &
  typeof decisionsMessages.sv &
  typeof contactsMessages.sv &
  typeof workingGroupsMessages.sv;

/** The shell's, Översikt's and the shared parts' strings: in the first load. */
const sv = {
  ...uxMessages.sv,
  ...assignmentsMessages.sv,
  ...rhythmMessages.sv,
  appName: 'Plan- och byggsamverkan Västerbotten',
  skipToContent: 'Hoppa till innehållet',
  navLabel: 'Huvudmeny',
  'nav.oversikt': 'Översikt',
  'nav.moten': 'Möten',
  'nav.aktiviteter': 'Aktiviteter',
  'nav.budget': 'Budget',
  'nav.beslut': 'Beslut',
  'nav.arbetsgrupper': 'Arbetsgrupper',
  'nav.kontakter': 'Kontakter',
  'placeholder.moten':
    'Här kommer samverkansgruppens och stödgruppens möten: kallelser, dagordning, närvaro och protokoll.',
  'placeholder.aktiviteter':
    'Här kommer samverkansområdenas aktiviteter: förslag, beslut, kostnader, deltagaravgifter och utvärderingar.',
  'placeholder.budget': 'Här kommer årets budget och bokfört utfall, med belopp i kronor.',
  'placeholder.beslut': 'Här kommer beslutsregistret: beslut per möte, ansvarig och uppföljning.',
  'placeholder.arbetsgrupper':
    'Här kommer arbetsgrupperna: syfte, uppdrag, mål, medlemmar och varje grupps kanal i Teams.',
  placeholderNote: 'Sidan byggs just nu.',
  switchToEnglish: 'English',
  switchToSwedish: 'Svenska',
  languageSwitchLabel: 'Byt språk till engelska',
  themeLabel: 'Tema',
  'theme.light': 'Ljust',
  'theme.dark': 'Mörkt',
  'theme.contrast': 'Hög kontrast',
  localBanner: 'Lokal testmiljö – inte riktig inloggning.',
  signedInAs: 'Inloggad som {name}',
  switchPersona: 'Byt person',
  signOut: 'Logga ut',
  signIn: 'Logga in',
  signedOutTitle: 'Du är utloggad',
  signedOutText: 'Logga in som en person i den lokala testmiljön för att fortsätta.',
  signInFailed: 'Inloggningen misslyckades. Försök igen.',
  sessionExpired: 'Din inloggning har gått ut. Logga in igen.',
  loading: 'Laddar …',
  loadingApp: 'Startar appen …',
  retry: 'Försök igen',
  networkError: 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.',
  unexpectedError: 'Något gick fel. Försök igen om en stund.',
  consentTitle: 'Appen behöver ditt samtycke',
  consentButton: 'Ge samtycke',
  consentFailed: 'Samtycket gavs inte. Utan det kan appen inte hämta dina uppgifter.',
  errorTitle: 'Något gick fel',
  requestIdNote: 'Felkod för support: {id}',
  'overview.title': 'Översikt',
  'overview.you': 'Du',
  'overview.roles': 'Dina roller',
  'overview.noRoles': 'Du har ingen roll i samverkan ännu.',
  'overview.meetings': 'Kommande möten',
  'overview.noMeetings': 'Inga kommande möten är inplanerade.',
  'overview.gaps': 'Luckor i åtagandena',
  'overview.noGaps': 'Alla kommuner har en representant. Inga luckor just nu.',
  'overview.work': 'Att göra för dig',
  'overview.noWork': 'Du har inget som väntar på dig just nu.',
  'overview.organisation': 'Organisation',
  'overview.title.job': 'Titel',
  'overview.email': 'E-post',
  'work.kallaSamverkansgrupp': 'Kalla till samverkansgruppens möte',
  'work.kallaStodgrupp': 'Kalla till stödgruppens möte',
  'work.attendance': 'Registrera närvaro på möten',
  'work.decisions': 'Protokollför beslut',
  'work.approveProtocol': 'Justera protokoll',
  'work.proposal': 'Lämna förslag till samverkansgruppen',
  'work.activities': 'Föreslå aktiviteter',
  'work.activityDecide': 'Registrera beslut och utvärderingar av aktiviteter',
  'work.budget': 'Ändra budgeten och bokför utfall',
  'work.contacts': 'Håll kontaktlistan aktuell',
  'work.workingGroups': 'Tillsätt och följ upp arbetsgrupper',
  'work.reports': 'Läs rapporter',
  'contacts.title': 'Kontakter',
  'contacts.search': 'Sök bland kontakter',
  'contacts.searchHint': 'Namn, e-post, titel eller organisation',
  'contacts.roleFilter': 'Roll',
  'contacts.allRoles': 'Alla roller',
  'contacts.count': '{count} kontakter visas',
  'contacts.none': 'Inga kontakter matchar sökningen.',
  'contacts.empty': 'Kontaktlistan är tom.',
  'contacts.exportCsv': 'Exportera CSV',
  'contacts.exportVcard': 'Exportera vCard',
  'contacts.exported': 'Filen {file} har skapats.',
  'contacts.name': 'Namn',
  'contacts.email': 'E-post',
  'contacts.roles': 'Roller',
  'contacts.jobTitle': 'Titel',
  'contacts.phone': 'Telefon',
  'contacts.organisation': 'Organisation',
  'contacts.actions': 'Åtgärder',
  'contacts.edit': 'Redigera',
  'contacts.editPerson': 'Redigera {name}',
  'contacts.editTitle': 'Redigera kontakt',
  'contacts.save': 'Spara',
  'contacts.saving': 'Sparar …',
  'contacts.cancel': 'Avbryt',
  'contacts.saved': 'Ändringarna för {name} är sparade.',
  'contacts.conflictTitle': 'Någon annan har ändrat kontakten',
  'contacts.conflictText': 'Dina ändringar är inte sparade. Så här ser kontakten ut nu:',
  'contacts.reload': 'Ladda den nya versionen',
  'contacts.reloaded': 'Den nya versionen är laddad. Gör om dina ändringar och spara igen.',
  'contacts.nameRequired': 'Namnet får inte vara tomt.',
  'contacts.phoneInvalid': 'Ogiltigt telefonnummer; ange t.ex. 090-123 45 67.',
  'contacts.titleTooLong': 'Titeln får vara högst 255 tecken.',
  'contacts.noValue': '–',
  'config.title': 'Fäst en vy i kanalen',
  'config.choose': 'Vilken sida ska fliken visa?',
  'config.help': 'Välj en sida och tryck på Spara i Teams.',
  'config.outsideTeams': 'Den här sidan används när fliken läggs till i en kanal i Teams.',
  'config.meeting': 'Mötet: dagordning, närvaro och beslut',
  'config.meetingName': 'Dagordning',
  'teams.context': 'I Teams: {where}',
};

export type MessageKey = keyof typeof sv | keyof PageMessages;

const en: Record<keyof typeof sv, string> = {
  ...uxMessages.en,
  ...assignmentsMessages.en,
  ...rhythmMessages.en,
  appName: 'Planning and building collaboration Västerbotten',
  skipToContent: 'Skip to content',
  navLabel: 'Main menu',
  'nav.oversikt': 'Overview',
  'nav.moten': 'Meetings',
  'nav.aktiviteter': 'Activities',
  'nav.budget': 'Budget',
  'nav.beslut': 'Decisions',
  'nav.arbetsgrupper': 'Working groups',
  'nav.kontakter': 'Contacts',
  'placeholder.moten':
    'The meetings of the collaboration group and the support group will be here: invitations, agenda, attendance and minutes.',
  'placeholder.aktiviteter':
    'The activities of the collaboration areas will be here: proposals, decisions, costs, participant fees and evaluations.',
  'placeholder.budget': "The year's budget and booked outcome will be here, with amounts in kronor.",
  'placeholder.beslut': 'The decision register will be here: decisions per meeting, owner and follow-up.',
  'placeholder.arbetsgrupper':
    "The working groups will be here: purpose, assignment, goals, members and each group's Teams channel.",
  placeholderNote: 'This page is being built.',
  switchToEnglish: 'English',
  switchToSwedish: 'Svenska',
  languageSwitchLabel: 'Switch language to Swedish',
  themeLabel: 'Theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.contrast': 'High contrast',
  localBanner: 'Local test environment – not a real sign-in.',
  signedInAs: 'Signed in as {name}',
  switchPersona: 'Switch person',
  signOut: 'Sign out',
  signIn: 'Sign in',
  signedOutTitle: 'You are signed out',
  signedOutText: 'Sign in as a person of the local test environment to continue.',
  signInFailed: 'Sign-in failed. Please try again.',
  sessionExpired: 'Your sign-in has expired. Please sign in again.',
  loading: 'Loading …',
  loadingApp: 'Starting the app …',
  retry: 'Try again',
  networkError: 'The server could not be reached. Check your connection and try again.',
  unexpectedError: 'Something went wrong. Please try again in a moment.',
  consentTitle: 'The app needs your consent',
  consentButton: 'Give consent',
  consentFailed: 'Consent was not given. Without it the app cannot fetch your data.',
  errorTitle: 'Something went wrong',
  requestIdNote: 'Error reference for support: {id}',
  'overview.title': 'Overview',
  'overview.you': 'You',
  'overview.roles': 'Your roles',
  'overview.noRoles': 'You have no role in the collaboration yet.',
  'overview.meetings': 'Upcoming meetings',
  'overview.noMeetings': 'No upcoming meetings are planned.',
  'overview.gaps': 'Gaps in the commitments',
  'overview.noGaps': 'Every municipality has a representative. No gaps right now.',
  'overview.work': 'Waiting for you',
  'overview.noWork': 'Nothing is waiting for you right now.',
  'overview.organisation': 'Organisation',
  'overview.title.job': 'Title',
  'overview.email': 'Email',
  'work.kallaSamverkansgrupp': 'Call a meeting of the collaboration group',
  'work.kallaStodgrupp': 'Call a meeting of the support group',
  'work.attendance': 'Record attendance at meetings',
  'work.decisions': 'Record decisions',
  'work.approveProtocol': 'Approve minutes',
  'work.proposal': 'Submit proposals to the collaboration group',
  'work.activities': 'Propose activities',
  'work.activityDecide': 'Record decisions on and evaluations of activities',
  'work.budget': 'Edit the budget and book outcomes',
  'work.contacts': 'Keep the contact list up to date',
  'work.workingGroups': 'Appoint and follow up working groups',
  'work.reports': 'Read reports',
  'contacts.title': 'Contacts',
  'contacts.search': 'Search contacts',
  'contacts.searchHint': 'Name, email, title or organisation',
  'contacts.roleFilter': 'Role',
  'contacts.allRoles': 'All roles',
  'contacts.count': '{count} contacts shown',
  'contacts.none': 'No contacts match the search.',
  'contacts.empty': 'The contact list is empty.',
  'contacts.exportCsv': 'Export CSV',
  'contacts.exportVcard': 'Export vCard',
  'contacts.exported': 'The file {file} has been created.',
  'contacts.name': 'Name',
  'contacts.email': 'Email',
  'contacts.roles': 'Roles',
  'contacts.jobTitle': 'Title',
  'contacts.phone': 'Phone',
  'contacts.organisation': 'Organisation',
  'contacts.actions': 'Actions',
  'contacts.edit': 'Edit',
  'contacts.editPerson': 'Edit {name}',
  'contacts.editTitle': 'Edit contact',
  'contacts.save': 'Save',
  'contacts.saving': 'Saving …',
  'contacts.cancel': 'Cancel',
  'contacts.saved': 'The changes for {name} are saved.',
  'contacts.conflictTitle': 'Someone else has changed the contact',
  'contacts.conflictText': 'Your changes are not saved. This is the contact now:',
  'contacts.reload': 'Load the new version',
  'contacts.reloaded': 'The new version is loaded. Make your changes again and save.',
  'contacts.nameRequired': 'The name must not be empty.',
  'contacts.phoneInvalid': 'Invalid phone number; e.g. 090-123 45 67.',
  'contacts.titleTooLong': 'The title may be at most 255 characters.',
  'contacts.noValue': '–',
  'config.title': 'Pin a view in the channel',
  'config.choose': 'Which page should the tab show?',
  'config.help': 'Choose a page and press Save in Teams.',
  'config.outsideTeams': 'This page is used when the tab is added to a channel in Teams.',
  'config.meeting': 'The meeting: agenda, attendance and decisions',
  'config.meetingName': 'Agenda',
  'teams.context': 'In Teams: {where}',
};

/** The strings loaded so far; the pages' are added by `addMessages`. */
export const MESSAGES: Record<Language, Partial<Record<MessageKey, string>>> = { sv: { ...sv }, en: { ...en } };

/** Adds a part of the dictionaries (both languages, the same keys) loaded on demand. */
export function addMessages<K extends MessageKey>(messages: { sv: Record<K, string>; en: Record<K, string> }): void {
  Object.assign(MESSAGES.sv, messages.sv);
  Object.assign(MESSAGES.en, messages.en);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const message = MESSAGES[language][key];
  if (message === undefined)
    throw new Error(`The message ${key} is not loaded (a page's strings come with ./i18n/pages)`);
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

const LANGUAGE_KEY = 'pbs.language';

export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'sv' || stored === 'en') return stored;
  } catch {
    // Storage can be blocked in a sandboxed iframe; Swedish is the default then.
  }
  return 'sv';
}

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

export function I18nProvider({ children, language: forced }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(forced ?? initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage(next) {
        setLanguageState(next);
        try {
          window.localStorage.setItem(LANGUAGE_KEY, next);
        } catch {
          // Not persisting the choice is acceptable.
        }
      },
      t: (key, vars) => translate(language, key, vars),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
