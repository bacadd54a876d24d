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
const UNQUOTED_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?/;
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
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const describe = (t: Token | undefined) => (t ? `at position ${t.at}` : 'at the end of the expression');
  const isWord = (t: Token | undefined, text: string): boolean => t?.kind === 'word' && t.text === text;
  const expect = (kind: 'open' | 'close' | 'comma'): void => {
    const t = peek();
    if (t?.kind !== kind)
      throw new FilterSyntaxError(`Expected '${{ open: '(', close: ')', comma: ',' }[kind]}' ${describe(t)}.`);
    position++;
  };

  const parseOperand = (): Operand => {
    const t = peek();
    if (t?.kind === 'literal') {
      position++;
      return { kind: 'literal', literal: t.literal };
    }
    if (t?.kind === 'word' && !COMPARISON_OPERATORS.has(t.text) && !['and', 'or', 'not'].includes(t.text)) {
      position++;
      return { kind: 'path', segments: t.text.split('/') };
    }
    throw new FilterSyntaxError(`Expected a property or a literal ${describe(t)}.`);
  };

  const parsePrimary = (): FilterNode => {
    const t = peek();
    if (t?.kind === 'open') {
      position++;
      const inner = parseOr();
      expect('close');
      return inner;
    }
    if (isWord(t, 'startswith') && tokens[position + 1]?.kind === 'open') {
      position += 2;
      const target = parseOperand();
      expect('comma');
      const prefix = parseOperand();
      expect('close');
      return { kind: 'startswith', target, prefix };
    }
    const left = parseOperand();
    const op = peek();
    if (op?.kind !== 'word' || !COMPARISON_OPERATORS.has(op.text))
      throw new FilterSyntaxError(`Expected a comparison operator (eq, ne, lt, le, gt, ge) ${describe(op)}.`);
    position++;
    const right = parseOperand();
    return { kind: 'compare', operator: op.text as ComparisonOperator, left, right };
  };

  const parseUnary = (): FilterNode => {
    if (isWord(peek(), 'not')) {
      position++;
      return { kind: 'not', operand: parseUnary() };
    }
    return parsePrimary();
  };

  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      position++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      position++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  if (tokens.length === 0) throw new FilterSyntaxError('The filter expression is empty.');
  const tree = parseOr();
  if (position < tokens.length) throw new FilterSyntaxError(`Unexpected token ${describe(peek())}.`);
  return tree;
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

export type ValueKind = 'string' | 'number' | 'boolean' | 'dateTime';
export type Comparable = string | number | boolean | null;

/** How a property path reads a row: its value (already comparable: dates as epoch ms) and its type. */
export interface PathBinding<Row> {
  kind: ValueKind;
  read(row: Row): Comparable;
  /** How this property reads a literal, when it differs from the kind's default (e.g. a date without offset as UTC). */
  literal?(literal: Literal): Comparable;
}

export interface FilterOptions {
  /** SharePoint compares text case-insensitively (its default collation); directory-like resources compare exactly. */
  caseInsensitive: boolean;
  /** What the resource's `$filter` supports, when less than the whole grammar (Teams: `eq` joined by `and`). */
  supports?: {
    operators: readonly ComparisonOperator[];
    logical: readonly ('and' | 'or' | 'not')[];
    startswith: boolean;
  };
}

function assertSupported(node: FilterNode, supports: NonNullable<FilterOptions['supports']>): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      if (!supports.logical.includes(node.kind)) throw new FilterSyntaxError(`'${node.kind}' is not supported here.`);
      assertSupported(node.left, supports);
      assertSupported(node.right, supports);
      return;
    case 'not':
      if (!supports.logical.includes('not')) throw new FilterSyntaxError(`'not' is not supported here.`);
      assertSupported(node.operand, supports);
      return;
    case 'startswith':
      if (!supports.startswith) throw new FilterSyntaxError(`'startswith' is not supported here.`);
      return;
    case 'compare':
      if (!supports.operators.includes(node.operator))
        throw new FilterSyntaxError(`The operator '${node.operator}' is not supported here.`);
  }
}

const SHAREPOINT_COLLATION: FilterOptions = { caseInsensitive: true };

const FLIPPED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  lt: 'gt',
  le: 'ge',
  gt: 'lt',
  ge: 'le',
};

function literalText(literal: Literal): string {
  return literal.kind === 'null' ? 'null' : literal.kind === 'string' ? `'${literal.value}'` : String(literal.value);
}

/** A literal as the path's type compares it; throws FilterSyntaxError when they cannot be compared. */
function coerce(literal: Literal, kind: ValueKind): Comparable {
  if (literal.kind === 'null') return null;
  const mismatch = () =>
    new FilterSyntaxError(`The literal ${literalText(literal)} cannot be compared with a ${kind} value.`);
  switch (kind) {
    case 'string':
      if (literal.kind !== 'string') throw mismatch();
      return literal.value;
    case 'number': {
      if (literal.kind === 'number') return literal.value;
      if (literal.kind === 'string' && /^-?\d+(\.\d+)?$/.test(literal.value)) return Number(literal.value);
      throw mismatch();
    }
    case 'boolean':
      if (literal.kind === 'boolean') return literal.value;
      if (literal.kind === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value === 1;
      throw mismatch();
    case 'dateTime': {
      if (literal.kind !== 'string' && literal.kind !== 'dateTime') throw mismatch();
      if (!UNQUOTED_DATE_TIME.test(literal.value)) throw mismatch();
      const ms = Date.parse(literal.value);
      if (Number.isNaN(ms)) throw mismatch();
      return ms;
    }
  }
}

function compare(operator: ComparisonOperator, value: Comparable, literal: Comparable): boolean {
  if (literal === null || value === null) {
    if (operator === 'eq') return value === literal;
    if (operator === 'ne') return value !== literal;
    return false;
  }
  switch (operator) {
    case 'eq':
      return value === literal;
    case 'ne':
      return value !== literal;
    case 'lt':
      return value < literal;
    case 'le':
      return value <= literal;
    case 'gt':
      return value > literal;
    case 'ge':
      return value >= literal;
  }
}

/**
 * Compiles the tree into a predicate. Text compares case-insensitively, as SharePoint's default collation does;
 * `bind` resolves each path once (and throws for an unknown one), so evaluation per row does no lookups.
 */
export function compileFilter<Row>(
  node: FilterNode,
  bind: (segments: string[]) => PathBinding<Row>,
  options: FilterOptions = SHAREPOINT_COLLATION,
): (row: Row) => boolean {
  const fold = (v: Comparable): Comparable => (options.caseInsensitive && typeof v === 'string' ? v.toLowerCase() : v);
  const readString = (binding: PathBinding<Row>) => (row: Row) => fold(binding.read(row));
  switch (node.kind) {
    case 'and': {
      const left = compileFilter(node.left, bind, options);
      const right = compileFilter(node.right, bind, options);
      return (row) => left(row) && right(row);
    }
    case 'or': {
      const left = compileFilter(node.left, bind, options);
      const right = compileFilter(node.right, bind, options);
      return (row) => left(row) || right(row);
    }
    case 'not': {
      const inner = compileFilter(node.operand, bind, options);
      return (row) => !inner(row);
    }
    case 'startswith': {
      if (node.target.kind !== 'path' || node.prefix.kind !== 'literal')
        throw new FilterSyntaxError('startswith takes a property and a string literal.');
      const binding = bind(node.target.segments);
      if (binding.kind !== 'string' || node.prefix.literal.kind !== 'string')
        throw new FilterSyntaxError('startswith applies to text values only.');
      const prefix = fold(node.prefix.literal.value) as string;
      const read = readString(binding);
      return (row) => {
        const v = read(row);
        return typeof v === 'string' && v.startsWith(prefix);
      };
    }
    case 'compare': {
      let { left, right, operator } = node;
      if (left.kind === 'literal' && right.kind === 'path') {
        [left, right] = [right, left];
        operator = FLIPPED[operator];
      }
      if (left.kind !== 'path' || right.kind !== 'literal')
        throw new FilterSyntaxError('A comparison needs one property and one literal.');
      const binding = bind(left.segments);
      const literal = binding.literal ? binding.literal(right.literal) : fold(coerce(right.literal, binding.kind));
      const read = binding.kind === 'string' ? readString(binding) : (row: Row) => binding.read(row);
      const op = operator;
      return (row) => compare(op, read(row), literal);
    }
  }
}

/**
 * Parses and compiles in one step; a syntax error or an unknown property becomes the resource's own 400
 * (`refuse`), as each Graph workload words it differently.
 */
export function filterPredicate<Row>(
  text: string,
  bind: (segments: string[]) => PathBinding<Row>,
  options: FilterOptions,
  refuse: (message: string) => Error,
): (row: Row) => boolean {
  try {
    const tree = parseFilter(text);
    if (options.supports) assertSupported(tree, options.supports);
    return compileFilter(tree, bind, options);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw refuse(error.message);
    throw error;
  }
}
