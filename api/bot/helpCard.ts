import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import { ACTIONS, allowedActions, roleLabel, type Person, type Role } from '../../src/domain';
import { actionSet, card, commandButton, facts, heading, section, text } from '../cards/cards';
import { COMMANDS, mayRun } from './commands';

export interface HelpCardInput {
  person?: Person;
  /** What went wrong with the last message, shown above the help. */
  problem?: string;
}

export function helpCard({ person, problem }: HelpCardInput): IAdaptiveCard {
  const roles: Role[] = person?.roles ?? [];
  const body: CardElementArray = [heading('Plan- och byggsamverkan – hjälp')];
  if (problem) body.push(text(problem, { color: 'Attention', weight: 'Bolder' }));
  if (!person) {
    body.push(
      text(
        'Du finns inte i samverkans kontaktlista, så boten kan inte visa något för dig ännu. Be samordnaren lägga till dig.',
      ),
    );
    return card(body);
  }
  body.push(
    text(
      `${person.displayName}${roles.length > 0 ? ` (${roles.map((role) => roleLabel(role)).join(', ')})` : ''}: det här kan du skriva till boten.`,
      { isSubtle: true },
    ),
  );
  const ready = COMMANDS.filter((command) => command.status === 'ready' && mayRun(command, roles));
  // The buttons first, so that a phone shows them without scrolling past the command list.
  const buttons = [
    commandButton('Möten', 'möten'),
    commandButton('Mina uppdrag', 'uppdrag'),
    commandButton('Aktiviteter', 'aktiviteter'),
  ];
  if (ready.some((command) => command.name === 'lägesrapport'))
    buttons.push(commandButton('Lägesrapport', 'lägesrapport'));
  body.push(actionSet(buttons));
  body.push(
    facts(
      ready.map((command) => [
        `${command.name}${command.args.sv ? ` ${command.args.sv}` : ''}`,
        `${command.description.sv} (eng. ${command.alias})`,
      ]),
    ),
  );
  const coming = COMMANDS.filter((command) => command.status === 'coming' && mayRun(command, roles));
  if (coming.length > 0) {
    body.push(section([text('Kommer snart', { weight: 'Bolder' }), text(coming.map((c) => c.name).join(', '))]));
  }
  const actions = allowedActions(roles).filter((action) => action !== 'report.read');
  if (actions.length > 0) {
    body.push(
      section([
        text('Din roll ger dig också behörighet att', { weight: 'Bolder' }),
        text(actions.map((action) => `- ${ACTIONS[action].description}`).join('\n')),
      ]),
    );
  }
  return card(body);
}
