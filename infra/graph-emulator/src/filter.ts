/**
 * OData `$filter` evaluated: the syntax tree of filterSyntax.ts compiled against a resource's property bindings
 * (`compileFilter` with its `bind`), so what a resource can filter on is its own decision.
 */
import {
  FilterSyntaxError,
  parseFilter,
  UNQUOTED_DATE_TIME,
  type ComparisonOperator,
  type FilterNode,
  type Literal,
} from './filterSyntax';

export {
  FilterSyntaxError,
  parseFilter,
  referencedPaths,
  tokenize,
  type ComparisonOperator,
  type FilterNode,
  type Literal,
  type Operand,
} from './filterSyntax';

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
