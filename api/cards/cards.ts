/**
 * Every card the app sends to Teams, as Adaptive Cards 1.5: the building blocks (elements.ts), meetings, polls
 * and justering (meetingCards.ts), contacts, economy and activities (registerCards.ts), news and reminders
 * (newsCards.ts), uppdrag (assignmentCards.ts). Import from here.
 */
export * from './elements';
export * from './meetingCards';
export * from './registerCards';
export * from './newsCards';
export * from './assignmentCards';
export * from './links';
export * from './agendaCards';
