/**
 * Sizes of the code (issue #14): files over 400 lines and functions over 80 lines under api/, src/ and the
 * local tenant's src/, measured with the TypeScript compiler API. tests/contract/sizes.test.ts holds them
 * against an allowlist; `npx tsx scripts/sizes.ts` prints what it finds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOTS = ['api', 'src', 'infra/graph-emulator/src'] as const;
export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

export interface Violation {
  /** `path` for a file, `path#name` for a function (the name as the code spells it, see functionName). */
  key: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function lineCount(text: string): number {
  const lines = text.split('\n');
  return text.endsWith('\n') ? lines.length - 1 : lines.length;
}

function propertyName(name: ts.PropertyName | ts.BindingName): string {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return '[computed]';
}

/** A callback's name from the call it is passed to: `router.post('/token')`, `describe`, `map`. */
function callName(call: ts.CallExpression, source: ts.SourceFile): string {
  const callee = call.expression.getText(source).replace(/\s+/g, '');
  const first = call.arguments[0];
  return first && ts.isStringLiteralLike(first) ? `${callee}('${first.text}')` : callee;
}

/** How a function is named in the allowlist: its own name, or where it stands (variable, property, call). */
function ownName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return propertyName(node.name);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return propertyName(parent.name);
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return propertyName(parent.name);
  if (ts.isCallExpression(parent)) return `${callName(parent, source)} callback`;
  if (ts.isExportAssignment(parent)) return 'default';
  return '(anonymous)';
}

function isFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The functions of one file over the limit, named by the chain of what encloses them (`Class.method`). */
function longFunctions(path: string, text: string, maxLines: number): Violation[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Violation[] = [];
  const visit = (node: ts.Node, scope: readonly string[]) => {
    let inner = scope;
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      inner = [...scope, node.name?.text ?? '(class)'];
    } else if (isFunction(node) && node.body) {
      inner = [...scope, ts.isConstructorDeclaration(node) ? 'constructor' : ownName(node, source)];
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > maxLines) found.push({ key: `${path}#${inner.join('.')}`, lines });
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, []);
  return found;
}

/** Every file over MAX_FILE_LINES and every function over MAX_FUNCTION_LINES under `roots` of `root`. */
export function measure(root: string, roots: readonly string[] = ROOTS): Violation[] {
  const violations: Violation[] = [];
  for (const dir of roots) {
    for (const file of sourceFiles(join(root, dir))) {
      const path = relative(root, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      const lines = lineCount(text);
      if (lines > MAX_FILE_LINES) violations.push({ key: path, lines });
      violations.push(...longFunctions(path, text, MAX_FUNCTION_LINES));
    }
  }
  return violations.sort((a, b) => a.key.localeCompare(b.key));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const v of measure(resolve(import.meta.dirname, '..'))) console.log(`${String(v.lines).padStart(5)}  ${v.key}`);
}
