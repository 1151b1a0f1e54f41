import { EventEmitter } from 'node:events';
import type { SqlConnector, SqlPool, SqlRequest } from '../../../src/source/mssql/connection/connector';

/** One statement a fake pool received, with its parameters. */
export interface IssuedQuery {
  readonly sql: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly stream: boolean;
}

/**
 * Answers a statement with rows: catalog rows as objects, or for a streaming request, rows as value
 * arrays. Returning undefined answers with no rows.
 */
export type Responder = (query: IssuedQuery) => readonly unknown[] | undefined;

/** A request that answers from the responder; a streaming one emits `row` events honouring pause/resume. */
class FakeRequest extends EventEmitter implements SqlRequest {
  stream = false;
  arrayRowMode = false;
  private readonly inputs: Record<string, unknown> = {};
  private paused = false;
  private cancelled = false;
  private pending: unknown[] = [];
  constructor(
    private readonly respond: Responder,
    private readonly issued: IssuedQuery[],
  ) {
    super();
  }
  input(name: string, _type: unknown, value: unknown): this {
    this.inputs[name] = value;
    return this;
  }
  query(sql: string): Promise<{ readonly recordset: readonly unknown[] }> {
    const query = { sql, inputs: { ...this.inputs }, stream: this.stream };
    this.issued.push(query);
    const rows = this.respond(query) ?? [];
    if (!this.stream) return Promise.resolve({ recordset: rows });
    this.pending = [...rows];
    setImmediate(() => this.pump());
    return Promise.resolve({ recordset: [] });
  }
  batch(sql: string): Promise<unknown> {
    this.issued.push({ sql, inputs: { ...this.inputs }, stream: false });
    this.respond({ sql, inputs: { ...this.inputs }, stream: false });
    return Promise.resolve({});
  }
  private pump(): void {
    while (!this.paused && !this.cancelled && this.pending.length > 0) this.emit('row', this.pending.shift());
    if (!this.paused && !this.cancelled && this.pending.length === 0) this.emit('done');
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    setImmediate(() => this.pump());
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/** A connector whose pools answer every statement from `respond` and record what they were sent. */
export function fakeConnector(respond: Responder): {
  connector: SqlConnector;
  issued: IssuedQuery[];
  closed: () => number;
} {
  const issued: IssuedQuery[] = [];
  let closed = 0;
  const pool = (): SqlPool => ({
    request: () => new FakeRequest(respond, issued),
    close: () => {
      closed++;
      return Promise.resolve();
    },
  });
  return {
    connector: { description: 'fake', connect: () => Promise.resolve(pool()) },
    issued,
    closed: () => closed,
  };
}
