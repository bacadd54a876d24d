/**
 * Builds the Teams app package for one environment, offline:
 *   npm run package -- --env <local|dev|prod>
 *
 * 1. reads env/.env.<env> (process.env overrides a value when set) and fills every ${{NAME}} placeholder in
 *    appPackage/manifest.json and its localization files; a placeholder without a value is an error;
 * 2. validates the filled manifest against the schema bundled in @microsoft/app-manifest (no network) and the
 *    localization files against the bundled localization schema;
 * 3. checks the manifest's commandLists against the bot's command table (api/bot/commands.ts);
 * 4. checks the icons: color.png 192×192 fully opaque, outline.png 32×32 white on transparent;
 * 5. writes appPackage/build/appPackage.<env>.zip (and the filled manifest.<env>.json beside it).
 * Any problem is listed and the exit code is 1; nothing is written then.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { AppManifestUtils as AppManifestUtilsType } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';

export const ENVIRONMENTS = ['local', 'dev', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APP_PACKAGE_DIR = join(REPO_ROOT, 'appPackage');
export const MANIFEST_FILE = 'manifest.json';
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Placeholders that may be empty: prod has no name suffix. Every other placeholder needs a value. */
export const PLACEHOLDERS_ALLOWED_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package was not built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

// ------------------------------------------------------------------ environment

/** Parses a dotenv file as the Agents Toolkit writes them: KEY=VALUE, # comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key = '', rawValue = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    values[key] = quoted ? (quoted[2] ?? '') : rawValue.replace(/\s+#.*$/, '').trim();
  }
  return values;
}

export function isEnvironmentName(value: unknown): value is EnvironmentName {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}

/** The values for one environment: its env file, then any variable of the same name set in `overrides`. */
export function loadEnvironment(
  environment: EnvironmentName,
  overrides: Record<string, string | undefined> = process.env,
  root = REPO_ROOT,
): Record<string, string> {
  const file = join(root, 'env', `.env.${environment}`);
  if (!existsSync(file)) throw new PackageError([`env/.env.${environment} does not exist.`]);
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && value !== '' && PLACEHOLDER_NAME.test(key)) values[key] = value;
  }
  return values;
}
const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))].sort();
}

/** Fills ${{NAME}} placeholders; returns the names that had no value (undefined, or empty where not allowed). */
export function fillPlaceholders(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !PLACEHOLDERS_ALLOWED_EMPTY.has(name))) {
      missing.add(name);
      return '';
    }
    // The value lands inside a JSON string: escape it as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing: [...missing].sort() };
}

// ------------------------------------------------------------------ schema

const require = createRequire(import.meta.url);
type JsonObject = Record<string, unknown>;
type SchemaValidator = (document: JsonObject, schema: JsonObject) => Promise<string[]>;

/**
 * AppManifestUtils.validateAgainstSchema with the schema passed in (offline). The library requires the ESM-only
 * strip-bom, which Node 20.19+ allows (require of ESM) but jest's module registry refuses; there, and only there,
 * the same engine the library uses is called directly with the library's options (ajv draft-04, allErrors,
 * strictTypes off, formats uri/email/regex) and its error format.
 */
function loadSchemaValidator(): SchemaValidator {
  try {
    const { AppManifestUtils } = require('@microsoft/app-manifest') as {
      AppManifestUtils: typeof AppManifestUtilsType;
    };
    return (document, schema) => AppManifestUtils.validateAgainstSchema(document as never, schema as never);
  } catch {
    const Ajv = (require('ajv-draft-04') as { default: new (options: object) => AjvLike }).default;
    const addFormats = (require('ajv-formats') as { default: (ajv: AjvLike, formats: string[]) => void }).default;
    return async (document, schema) => {
      const ajv = new Ajv({ allErrors: true, strictTypes: false });
      addFormats(ajv, ['uri', 'email', 'regex']);
      const validate = ajv.compile(schema);
      if (validate(JSON.parse(JSON.stringify(document)))) return [];
      return (validate.errors ?? []).map(
        (error) =>
          `${error.instancePath} ${error.message || ''}. Details: ${error.params ? JSON.stringify(error.params) : ''}`,
      );
    };
  }
}
interface AjvLike {
  compile(schema: object): {
    (data: unknown): boolean;
    errors?: Array<{ instancePath: string; message?: string; params?: unknown }> | null;
  };
}
const validateAgainstSchema = loadSchemaValidator();

/** The schema file bundled in @microsoft/app-manifest for a manifest version, e.g. 1.30. */
export function bundledSchemaPath(manifestVersion: string, file = 'MicrosoftTeams.schema.json'): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

function readSchema(path: string): JsonObject {
  // The published schemas contain "\a" and "\v" escapes that JSON does not allow; the library cleans them the same
  // way. The localization schema also has a pattern with a lone "]" after "\b", which ajv's unicode regexps refuse:
  // escaping it keeps the pattern's meaning.
  const raw = readFileSync(path, 'utf8')
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    .replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(raw) as JsonObject;
}

/** Schema errors of a filled manifest, validated offline against the bundled schema of its manifestVersion. */
export async function validateManifestSchema(manifest: JsonObject): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing.'];
  const schemaPath = bundledSchemaPath(version);
  if (!existsSync(schemaPath)) return [`@microsoft/app-manifest bundles no schema for manifest version ${version}.`];
  const problems: string[] = [];
  if (typeof manifest.$schema !== 'string' || !manifest.$schema.includes(`/v${version}/`)) {
    problems.push(`$schema (${String(manifest.$schema)}) does not name manifest version ${version}.`);
  }
  const errors = await validateAgainstSchema(manifest, readSchema(schemaPath));
  return [...problems, ...errors.map((error) => `manifest${error}`)];
}

/** Localization file errors: its schema, its keys against the manifest, and no key left untranslated. */
export async function validateLocalization(
  fileName: string,
  localization: JsonObject,
  manifest: JsonObject,
): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const schemaPath = bundledSchemaPath(version, 'MicrosoftTeams.Localization.schema.json');
  const errors = (await validateAgainstSchema(localization, readSchema(schemaPath))).map(
    (error) => `${fileName}${error}`,
  );
  for (const key of Object.keys(localization)) {
    if (key === '$schema') continue;
    const value = valueAtPath(manifest, key);
    if (typeof value !== 'string') errors.push(`${fileName}: "${key}" names nothing in the manifest.`);
  }
  return errors;
}

/** Reads `staticTabs[0].name`-style paths, as localization keys are written. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Every localizable string of the manifest that a localization file must translate. */
export function localizableKeys(manifest: JsonObject): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  const tabs = (manifest.staticTabs as Array<{ name?: string }> | undefined) ?? [];
  tabs.forEach((tab, index) => {
    if (tab.name !== undefined) keys.push(`staticTabs[${index}].name`);
  });
  const bots = (manifest.bots as Array<{ commandLists?: Array<{ commands: unknown[] }> }> | undefined) ?? [];
  bots[0]?.commandLists?.forEach((list, listIndex) => {
    list.commands.forEach((_command, commandIndex) => {
      keys.push(`bots[0].commandLists[${listIndex}].commands[${commandIndex}].title`);
      keys.push(`bots[0].commandLists[${listIndex}].commands[${commandIndex}].description`);
    });
  });
  return keys;
}

// ------------------------------------------------------------------ bot commands

export interface CommandListShape {
  scopes: string[];
  commands: Array<{ title: string; description?: string }>;
}

/**
 * The bot's own command lists (api/bot/commands.ts `manifestCommandLists()`), or undefined while that module
 * does not exist: the package is then built from the manifest as written, with a warning.
 */
export async function botCommandLists(): Promise<CommandListShape[] | undefined> {
  const modulePath = join(REPO_ROOT, 'api', 'bot', 'commands.ts');
  if (!existsSync(modulePath)) return undefined;
  const commands = (await import('../api/bot/commands')) as { manifestCommandLists?: () => CommandListShape[] };
  return commands.manifestCommandLists?.();
}

export function commandListProblems(manifest: JsonObject, expected: CommandListShape[]): string[] {
  const bots = (manifest.bots as Array<{ commandLists?: CommandListShape[] }> | undefined) ?? [];
  const actual = bots[0]?.commandLists ?? [];
  const normalise = (lists: CommandListShape[]) =>
    JSON.stringify(
      lists.map((list) => ({
        scopes: [...list.scopes].sort(),
        commands: list.commands.map(({ title, description }) => ({ title, description })),
      })),
    );
  if (normalise(actual) === normalise(expected)) return [];
  return [
    `bots[0].commandLists differ from api/bot/commands.ts manifestCommandLists(): manifest has ${normalise(actual)}, the bot has ${normalise(expected)}.`,
  ];
}

// ------------------------------------------------------------------ icons

export function colorIconProblems(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const problems: string[] = [];
  const size = ICON_SIZES.color;
  if (image.width !== size || image.height !== size) {
    problems.push(`color.png is ${image.width}×${image.height}; Teams wants ${size}×${size}.`);
  }
  let translucent = 0;
  for (let offset = 3; offset < image.data.length; offset += 4)
    if ((image.data[offset] as number) !== 255) translucent++;
  if (translucent > 0) problems.push(`color.png has ${translucent} pixels that are not fully opaque.`);
  return problems;
}

export function outlineIconProblems(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const problems: string[] = [];
  const size = ICON_SIZES.outline;
  if (image.width !== size || image.height !== size) {
    problems.push(`outline.png is ${image.width}×${image.height}; Teams wants ${size}×${size}.`);
  }
  let coloured = 0;
  let visible = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const alpha = image.data[offset + 3] as number;
    if (alpha === 0) continue;
    visible++;
    if (image.data[offset] !== 255 || image.data[offset + 1] !== 255 || image.data[offset + 2] !== 255) coloured++;
  }
  if (coloured > 0) problems.push(`outline.png has ${coloured} visible pixels that are not white.`);
  if (visible === 0) problems.push('outline.png is empty (every pixel transparent).');
  if (visible === image.width * image.height) problems.push('outline.png has no transparent background.');
  return problems;
}

// ------------------------------------------------------------------ zip

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A minimal zip (PKWARE APPNOTE 4.3): deflated entries, UTF-8 names, a fixed timestamp so builds are reproducible. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01
  const UTF8_FLAG = 0x0800;
  const DEFLATE = 8;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

// ------------------------------------------------------------------ the build

export interface BuildOptions {
  environment: EnvironmentName;
  overrides?: Record<string, string | undefined>;
  /** Where the zip goes; appPackage/build by default. */
  outputDir?: string;
  /** The bot's command lists; by default read from api/bot/commands.ts when it exists. */
  commandLists?: CommandListShape[] | null;
}

export interface BuildResult {
  zipPath: string;
  manifest: JsonObject;
  files: string[];
  warnings: string[];
}

function readJson(name: string, text: string, problems: string[]): JsonObject | undefined {
  try {
    return JSON.parse(text) as JsonObject;
  } catch (error) {
    problems.push(`${name} is not valid JSON after filling placeholders: ${(error as Error).message}`);
    return undefined;
  }
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const { environment } = options;
  const values = loadEnvironment(environment, options.overrides ?? process.env);
  const problems: string[] = [];
  const warnings: string[] = [];

  const manifestText = readFileSync(join(APP_PACKAGE_DIR, MANIFEST_FILE), 'utf8');
  const filledManifest = fillPlaceholders(manifestText, values);
  for (const name of filledManifest.missing) {
    problems.push(
      `manifest.json: placeholder \${{${name}}} has no value in env/.env.${environment} or the environment.`,
    );
  }
  const manifest = readJson(MANIFEST_FILE, filledManifest.text, problems);
  if (!manifest) throw new PackageError(problems);
  if (filledManifest.missing.length === 0) problems.push(...(await validateManifestSchema(manifest)));

  const icons = manifest.icons as { color?: string; outline?: string } | undefined;
  const files = new Map<string, Buffer>();
  files.set(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));

  const localization = manifest.localizationInfo as
    { defaultLanguageFile?: string; additionalLanguages?: Array<{ languageTag: string; file: string }> } | undefined;
  const localizationFiles = [
    ...(localization?.defaultLanguageFile ? [localization.defaultLanguageFile] : []),
    ...(localization?.additionalLanguages ?? []).map((language) => language.file),
  ];
  const wantedKeys = localizableKeys(manifest);
  for (const fileName of localizationFiles) {
    const path = join(APP_PACKAGE_DIR, fileName);
    if (!existsSync(path)) {
      problems.push(`${fileName} is named in localizationInfo but does not exist in appPackage/.`);
      continue;
    }
    const filled = fillPlaceholders(readFileSync(path, 'utf8'), values);
    for (const name of filled.missing) problems.push(`${fileName}: placeholder \${{${name}}} has no value.`);
    const json = readJson(fileName, filled.text, problems);
    if (!json) continue;
    problems.push(...(await validateLocalization(fileName, json, manifest)));
    for (const key of wantedKeys)
      if (typeof json[key] !== 'string') problems.push(`${fileName}: "${key}" is not translated.`);
    if (fileName === localization?.defaultLanguageFile) {
      for (const key of wantedKeys) {
        if (json[key] !== valueAtPath(manifest, key)) {
          problems.push(`${fileName} is the default language file but "${key}" differs from the manifest.`);
        }
      }
    }
    files.set(fileName, Buffer.from(filled.text, 'utf8'));
  }

  const expectedCommands = options.commandLists === undefined ? await botCommandLists() : options.commandLists;
  if (expectedCommands) problems.push(...commandListProblems(manifest, expectedCommands));
  else warnings.push('api/bot/commands.ts not found: commandLists were not checked against the bot.');

  for (const [kind, check] of [
    ['color', colorIconProblems],
    ['outline', outlineIconProblems],
  ] as const) {
    const fileName = icons?.[kind];
    if (!fileName) continue; // the schema check reports the missing icon
    const path = join(APP_PACKAGE_DIR, fileName);
    if (!existsSync(path)) {
      problems.push(`${fileName} (icons.${kind}) does not exist in appPackage/; run npx tsx scripts/icons.ts.`);
      continue;
    }
    const png = readFileSync(path);
    problems.push(...check(png));
    files.set(fileName, png);
  }

  if (problems.length > 0) throw new PackageError(problems);

  const outputDir = options.outputDir ?? join(APP_PACKAGE_DIR, 'build');
  mkdirSync(outputDir, { recursive: true });
  const zipPath = join(outputDir, `appPackage.${environment}.zip`);
  writeFileSync(zipPath, createZip([...files].map(([name, data]) => ({ name, data }))));
  writeFileSync(join(outputDir, `manifest.${environment}.json`), files.get(MANIFEST_FILE) as Buffer);
  return { zipPath, manifest, files: [...files.keys()], warnings };
}

// ------------------------------------------------------------------ command line

export function parseArguments(argv: readonly string[]): EnvironmentName {
  const index = argv.indexOf('--env');
  const value = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--env='))?.slice('--env='.length);
  if (!isEnvironmentName(value)) {
    throw new PackageError([
      `Name the environment: npm run package -- --env <${ENVIRONMENTS.join('|')}> (got ${String(value)}).`,
    ]);
  }
  return value;
}

async function main(): Promise<void> {
  try {
    const environment = parseArguments(process.argv.slice(2));
    const result = await buildAppPackage({ environment });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log(`Built ${result.zipPath.replace(`${REPO_ROOT}/`, '')} (${result.files.join(', ')})`);
  } catch (error) {
    console.error(error instanceof PackageError ? error.message : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
