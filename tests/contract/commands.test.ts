import { describe, expect, it } from '@jest/globals';
import { COMMANDS, fold, manifestCommandLists, parseCommand } from '../../api/bot/commands';
import { ACTIONS } from '../../src/domain';
import { organisations } from '../bot/support';

const context = { organisations: organisations() };
const ready = COMMANDS.filter((command) => command.status === 'ready');

describe('the command table and the manifest commandLists agree', () => {
  const lists = manifestCommandLists();

  it('lists every ready command once in each list it belongs to, and no coming one', () => {
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team']]);
    for (const list of lists) {
      const scope = list.scopes[0]!;
      const expected = ready.filter((command) => (command.listedIn ?? ['personal', 'team']).includes(scope));
      expect(list.commands.map((command) => command.title)).toEqual(expected.map((command) => command.name));
    }
    // Every ready command is suggested somewhere; the sender's own uppdrag in the personal chat.
    const listed = new Set(lists.flatMap((list) => list.commands.map((command) => command.title)));
    expect(ready.filter((command) => !listed.has(command.name))).toEqual([]);
    expect(lists[0]!.commands.map((command) => command.title)).toContain('uppdrag');
    const titles = lists.flatMap((list) => list.commands.map((command) => command.title));
    for (const coming of COMMANDS.filter((command) => command.status === 'coming')) {
      expect(titles).not.toContain(coming.name);
    }
  });

  it('keeps Teams’ limits: at most 10 commands per list, titles ≤ 32, descriptions ≤ 128 characters', () => {
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      expect(list.scopes.length).toBeGreaterThan(0);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeGreaterThan(0);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('describes each command with its table description and arguments', () => {
    for (const command of ready) {
      const entry = lists.flatMap((list) => list.commands).find((c) => c.title === command.name)!;
      expect(entry.description).toContain(command.description.sv);
      if (command.args.sv) expect(entry.description.startsWith(command.args.sv)).toBe(true);
    }
  });

  it('has unique names and aliases, and every required action exists in the domain', () => {
    const words = COMMANDS.flatMap((command) => [command.name, command.alias]);
    expect(new Set(words).size).toBe(words.length);
    for (const command of COMMANDS) {
      if (command.action) expect(Object.keys(ACTIONS)).toContain(command.action);
    }
  });
});

describe('the parser is driven by the same table', () => {
  it.each(COMMANDS.flatMap((command) => [command.name, command.alias, command.name.toUpperCase()]))(
    '"%s" is recognised',
    (word) => {
      const needsText = fold(word) === 'nyhet' || fold(word) === 'news';
      const result = parseCommand(needsText ? `${word} Text` : word, context);
      expect(result.ok).toBe(true);
    },
  );

  it('parses arguments', () => {
    expect(parseCommand('kontakter Skellefteå', context)).toMatchObject({
      ok: true,
      parsed: { command: 'kontakter', organisationId: 'skelleftea' },
    });
    expect(parseCommand('status 2027', context)).toMatchObject({ ok: true, parsed: { year: 2027 } });
    expect(parseCommand('aktiviteter Omvärldsbevakning', context)).toMatchObject({
      ok: true,
      parsed: { area: 'omvarldsbevakning' },
    });
    expect(parseCommand('aktiviteter 9', context)).toMatchObject({ ok: true, parsed: { month: 9 } });
    expect(parseCommand('nyhet  Två  ord ', context)).toMatchObject({ ok: true, parsed: { text: 'Två ord' } });
  });

  it.each([
    ['', 'Meddelandet var tomt.'],
    ['möte', 'Okänt kommando: ”möte”.'],
    ['status 26', 'Ange året med fyra siffror, t.ex. 2026.'],
    ['nyhet', 'Skriv nyhetens text efter kommandot'],
    ['kontakter Oslo', 'Okänd kommun eller organisation: ”Oslo”.'],
  ])('"%s" is refused: %s', (text, problem) => {
    const result = parseCommand(text, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(problem);
  });
});
