import { appendFileSync } from 'node:fs';

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Inner requests of a $batch are logged too, but are not separate round trips. */
  batchInner: boolean;
  faultInjected: boolean;
  /** The answer never reached the client: dropped by a fault after the handler, or the client gave up first. */
  answerLost: boolean;
  /** The Graph operation the route serves (as graph-permissions.json names it), once routed. */
  operation?: string;
  /** Who asked: the app on behalf of a user, the app itself, or the inspection principal. */
  principal?: 'delegated' | 'application' | 'inspection';
  /** The permission that allowed the request (`via` rsc: resource-specific consent in the team). */
  allowedBy?: { permission: string; via: 'scope' | 'role' | 'rsc' | 'site' };
}

/** One line of the permission audit: what was asked, by whom, and what allowed it. */
export type AuditLine = Pick<
  LoggedRequest,
  'method' | 'status' | 'operation' | 'principal' | 'allowedBy' | 'batchInner'
>;

/**
 * In memory by design: it serves tests and benchmarks counting round trips. With an audit file it also appends
 * one JSON line per authorised Graph request of the app (never the inspection principal's), so that a test can
 * check what a whole test run was allowed (issue #13's request-log test); appends of one short line are atomic,
 * so several tenants in several test workers can share one file.
 */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private readonly max = 50_000;

  constructor(private readonly auditFile?: string) {}

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.auditFile && entry.operation && entry.principal && entry.principal !== 'inspection') {
      const { method, status, operation, principal, allowedBy, batchInner } = entry;
      const line: AuditLine = { method, status, operation, principal, allowedBy, batchInner };
      appendFileSync(this.auditFile, `${JSON.stringify(line)}\n`);
    }
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  since(seq: number): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
