import type { Router } from 'express';
import type { DocumentStore } from './store';
import type { TokenIssuer } from './identity/tokens';
import type { AppRegistration } from './tenantConfig';
import type { FaultRegistry } from './controls/faults';
import type { RequestLog } from './controls/requestLog';
import type { MountTable, NamedOperation } from './routing';

export interface EmulatorContext {
  readonly store: DocumentStore;
  readonly tenantId: string;
  readonly app: AppRegistration;
  readonly tokens: TokenIssuer;
  readonly faults: FaultRegistry;
  readonly requestLog: RequestLog;
  /** The emulator's own base URL (http://127.0.0.1:port), known once it listens. */
  baseUrl(): string;
  now(): Date;
}

/**
 * A part of the Graph surface (sites, teams, calendar…). Each owns its document kinds and files; the app
 * factory mounts them in one place.
 */
export interface ResourceModule {
  name: string;
  /** The module's mount table under /v1.0 (behind fault injection and token validation): (method, path) → operation. */
  routes?: MountTable;
  /**
   * A mount table the module dispatches itself, for addressing express paths cannot express (sites: by id, by
   * hostname and path, by `hostname:/path:`): its operations, and how it mounts them.
   */
  dispatchedRoutes?: { operations: readonly NamedOperation[]; mount(router: Router, ctx: EmulatorContext): void };
  /** Routes under /_emulator (local controls, no token). */
  controls?(router: Router, ctx: EmulatorContext): void;
  /** Routes at the root that are not Graph (the Bot Framework connector's /v3). */
  root?(router: Router, ctx: EmulatorContext): void;
  /** Writes this module's part of the seed; called in module order on an empty store. */
  seed?(ctx: EmulatorContext): void;
}
