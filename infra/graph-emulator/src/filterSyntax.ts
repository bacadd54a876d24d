/**
 * OData `$filter`, the one parser of the local tenant (SharePoint lists and items, channels, events): a tokenizer
 * and a recursive-descent parser producing a small syntax tree. Each resource binds property paths itself
 * (`compileFilter` with its `bind`), so what a resource can filter on is its own decision.
 *
 * Grammar (lowest precedence first):
 *   or         := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | primary
 *   primary    := '(' or ')' | call | comparison
 *   call       := 'startswith' '(' operand ',' operand ')'
 *   comparison := operand ('eq'|'ne'|'lt'|'le'|'gt'|'ge') operand
 *   operand    := path | literal
 */

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'dateTime'; value: string };

export type Operand = { kind: 'path'; segments: string[] } | { kind: 'literal'; literal: Literal };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; operator: ComparisonOperator; left: Operand; right: Operand }
  | { kind: 'startswith'; target: Operand; prefix: Operand };

export class FilterSyntaxError extends Error {}

type Token =
  | { kind: 'open' | 'close' | 'comma'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'literal'; literal: Literal; at: number };

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
export const UNQUOTED_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(') {
      tokens.push({ kind: 'open', at: i++ });
    } else if (c === ')') {
      tokens.push({ kind: 'close', at: i++ });
    } else if (c === ',') {
      tokens.push({ kind: 'comma', at: i++ });
    } else if (c === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError(`Unterminated string literal at position ${start}.`);
        const ch = text[i]!;
        if (ch === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      tokens.push({ kind: 'literal', literal: { kind: 'string', value }, at: start });
    } else {
      const rest = text.slice(i);
      const dateTime = UNQUOTED_DATE_TIME.exec(rest);
      if (dateTime && dateTime[0].length > 4 && /^\d{4}-/.test(rest)) {
        tokens.push({ kind: 'literal', literal: { kind: 'dateTime', value: dateTime[0] }, at: i });
        i += dateTime[0].length;
        continue;
      }
      const number = NUMBER.exec(rest);
      if (number) {
        tokens.push({ kind: 'literal', literal: { kind: 'number', value: Number(number[0]) }, at: i });
        i += number[0].length;
        continue;
      }
      const word = WORD.exec(rest);
      if (!word) throw new FilterSyntaxError(`Unexpected character '${c}' at position ${i}.`);
      const w = word[0];
      if (w === 'true' || w === 'false')
        tokens.push({ kind: 'literal', literal: { kind: 'boolean', value: w === 'true' }, at: i });
      else if (w === 'null') tokens.push({ kind: 'literal', literal: { kind: 'null' }, at: i });
      else tokens.push({ kind: 'word', text: w, at: i });
      i += w.length;
    }
  }
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new FilterSyntaxError('The filter expression is empty.');
  const parser = new FilterParser(tokens);
  const tree = parser.parseOr();
  if (parser.position < tokens.length) throw new FilterSyntaxError(`Unexpected token ${describe(parser.peek())}.`);
  return tree;
}

const describe = (t: Token | undefined) => (t ? `at position ${t.at}` : 'at the end of the expression');
const isWord = (t: Token | undefined, text: string): boolean => t?.kind === 'word' && t.text === text;

/** Recursive descent, one method per precedence level: or, and, not, a comparison or startswith, an operand. */
class FilterParser {
  position = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private expect(kind: 'open' | 'close' | 'comma'): void {
    const t = this.peek();
    if (t?.kind !== kind)
      throw new FilterSyntaxError(`Expected '${{ open: '(', close: ')', comma: ',' }[kind]}' ${describe(t)}.`);
    this.position++;
  }

  private parseOperand(): Operand {
    const t = this.peek();
    if (t?.kind === 'literal') {
      this.position++;
      return { kind: 'literal', literal: t.literal };
    }
    if (t?.kind === 'word' && !COMPARISON_OPERATORS.has(t.text) && !['and', 'or', 'not'].includes(t.text)) {
      this.position++;
      return { kind: 'path', segments: t.text.split('/') };
    }
    throw new FilterSyntaxError(`Expected a property or a literal ${describe(t)}.`);
  }

  private parsePrimary(): FilterNode {
    const t = this.peek();
    if (t?.kind === 'open') {
      this.position++;
      const inner = this.parseOr();
      this.expect('close');
      return inner;
    }
    if (isWord(t, 'startswith') && this.tokens[this.position + 1]?.kind === 'open') {
      this.position += 2;
      const target = this.parseOperand();
      this.expect('comma');
      const prefix = this.parseOperand();
      this.expect('close');
      return { kind: 'startswith', target, prefix };
    }
    const left = this.parseOperand();
    const op = this.peek();
    if (op?.kind !== 'word' || !COMPARISON_OPERATORS.has(op.text))
      throw new FilterSyntaxError(`Expected a comparison operator (eq, ne, lt, le, gt, ge) ${describe(op)}.`);
    this.position++;
    const right = this.parseOperand();
    return { kind: 'compare', operator: op.text as ComparisonOperator, left, right };
  }

  private parseUnary(): FilterNode {
    if (isWord(this.peek(), 'not')) {
      this.position++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (isWord(this.peek(), 'and')) {
      this.position++;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (isWord(this.peek(), 'or')) {
      this.position++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }
}

/** Every property path the expression refers to, e.g. [['fields','Status'], ['id']]. */
export function referencedPaths(node: FilterNode): string[][] {
  const out: string[][] = [];
  const visitOperand = (o: Operand) => {
    if (o.kind === 'path') out.push(o.segments);
  };
  const visit = (n: FilterNode): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        visit(n.left);
        visit(n.right);
        return;
      case 'not':
        visit(n.operand);
        return;
      case 'compare':
        visitOperand(n.left);
        visitOperand(n.right);
        return;
      case 'startswith':
        visitOperand(n.target);
        visitOperand(n.prefix);
    }
  };
  visit(node);
  return out;
}
