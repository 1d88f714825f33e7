// The one place that talks to Neo4j: one driver per process, reads through
// executeRead with a timeout, writes through executeWrite, the database always
// named, every session causally chained by the process's bookmarks. Every
// statement is a named file from cypher/.
import neo4j, {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type SessionMode,
} from 'neo4j-driver';
import { Admission } from './admission.js';
import { cypher } from './cypher.js';
import { classify, DbError, isOutage, isUnreachable } from './db-errors.js';
import { HealthProbe } from './health.js';
import type { RowOf } from './read-rows.js';
import { toNative } from './values.js';

// Callers that hold a Database also meet its errors; they live in db-errors.ts.
export { DbError, isOutage, type DbErrorKind } from './db-errors.js';

export interface DbOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Longest a read transaction may run before Neo4j cancels it. */
  readTimeoutMs?: number;
  /** Longest a write transaction may run before Neo4j cancels it. */
  writeTimeoutMs?: number;
}

/**
 * Failing fast when Neo4j is gone: a request must get its coded error within
 * 2 s. Connecting and waiting for a pooled connection are bounded; the
 * driver's retries of a failed transaction (on a lost connection, a transient
 * error) get 500 ms, which is one retry after its first ~1 s back-off: enough
 * for the first request after Neo4j comes back to replace a dead pooled
 * connection and succeed. While Neo4j cannot be reached at all, the driver
 * does not retry (see Database.transact).
 */
export const FAIL_FAST = {
  poolSize: 50,
  connectMs: 2_000,
  acquireMs: 2_000,
  retryMs: 500,
  /** Work waiting for a free connection; more is refused at once with SERVICE_UNAVAILABLE. */
  maxWaiting: 256,
  /** Longest wait for a free connection. */
  maxWaitMs: 2_000,
};

export type Row = Record<string, unknown>;

/** Most reads one shared transaction carries (see Database.read). */
const MAX_SHARED_READS = 32;
/** Shared transactions running at once (see scheduleShared). */
const MAX_SHARED_TRANSACTIONS = 4;

interface SharedRead {
  name: string;
  params: Row;
  resolve: (rows: Row[]) => void;
  reject: (err: unknown) => void;
}

export interface ReadOptions {
  /**
   * A cheap statement (an index lookup and a short expansion) may share its
   * transaction with the other shared reads requested in the same event-loop
   * turn, by this request or by concurrent ones: under load this saves a
   * session, BEGIN and COMMIT per statement on both sides of the wire. Slow
   * statements must not set it: statements in one transaction run one after
   * another.
   */
  shared?: boolean;
}

/** What a transaction's work may do: run statements (a managed transaction, or an explicit one while Neo4j is unreachable). */
type Tx = Pick<ManagedTransaction, 'run'>;

/** Observers see each statement run (used by tests that count round trips). */
export type StatementListener = (name: string) => void;

/**
 * tx.run without the driver's call-site capture: it formats a stack trace for
 * every result, to attach to an error that might come later (about 3% of the
 * API's CPU in the benchmark), and for our reads that trace would only ever
 * point into this file. Our own errors keep their traces: the limit is back
 * before anything else runs. This is why the reads are not
 * driver.executeQuery, which would otherwise fit one statement in one read
 * transaction (it takes our database, bookmark manager and timeout, and runs
 * inside the admission queue as well): executeQuery calls tx.run itself,
 * later and inside the driver, where the capture cannot be turned off.
 */
function runStatement(tx: Tx, text: string, params: Row) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(text, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class Database {
  readonly driver: Driver;
  readonly database: string;
  private readonly readTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly listeners = new Set<StatementListener>();
  /** Every session of a read or write runs through it: a bounded queue. */
  readonly admission: Admission;
  private probe: HealthProbe | undefined;
  /**
   * The bookmarks of the last transactions this process committed or read at.
   * Every session starts from them, so on a cluster (or Aura) a read waits
   * until the member it is routed to has applied this process's own writes;
   * on one server they are always met at once. See catchUp for other processes' writes.
   */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** The last attempt to reach Neo4j failed to connect, and none has succeeded since (see transact). */
  private unreachable = false;

  constructor(private readonly opts: DbOptions) {
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      // Neo4j integers arrive as JS numbers where safe; we convert explicitly in values.ts.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: FAIL_FAST.poolSize,
      connectionTimeout: FAIL_FAST.connectMs,
      connectionAcquisitionTimeout: FAIL_FAST.acquireMs,
      maxTransactionRetryTime: FAIL_FAST.retryMs,
    });
    this.database = opts.database;
    this.readTimeoutMs = opts.readTimeoutMs ?? 10_000;
    this.writeTimeoutMs = opts.writeTimeoutMs ?? 120_000;
    this.admission = new Admission(
      { slots: FAIL_FAST.poolSize, maxWaiting: FAIL_FAST.maxWaiting, maxWaitMs: FAIL_FAST.maxWaitMs },
      (why) => new DbError('busy', `the database is busy (${why}); try again shortly`, 'admission'),
    );
  }

  /** Neo4j's health as a background probe sees it (started on first use, stopped by close). */
  health(): HealthProbe {
    this.probe ??= new HealthProbe(this.opts);
    return this.probe;
  }

  onStatement(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(name: string) {
    for (const l of this.listeners) l(name);
  }

  /** Every session of this process: the database named, its access mode, the process's bookmarks. */
  private session(mode: SessionMode, bookmarks?: string[]) {
    return this.driver.session({ database: this.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks, ...(bookmarks ? { bookmarks } : {}) });
  }

  /** Bookmarks that name every transaction this process has committed so far (for clients: see catchUp). */
  async lastBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  /**
   * Waits until the server this process reads from has applied the
   * transactions `bookmarks` name (given by another process, e.g. the API
   * instance that ran a client's mutation), then adds them to this process's
   * bookmarks: every read after it sees those writes. One round trip. A
   * session, not executeQuery: executeQuery starts only from a bookmark
   * manager's bookmarks and has no way to add the given ones for one call.
   */
  async catchUp(bookmarks: string[]): Promise<void> {
    this.notify('read/ping');
    try {
      await this.transact(neo4j.session.READ, (tx) => runStatement(tx, cypher('read/ping'), {}), { timeout: this.readTimeoutMs, bookmarks });
    } catch (err) {
      throw classify(err, 'read/ping');
    }
  }

  async verify(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
  }

  /**
   * Runs one named read statement and returns its rows as plain JS values,
   * typed by the statement's entry in read-rows.ts. This is the one place a
   * row gets its type: nothing above src/db sees an untyped row.
   */
  async read<N extends string>(name: N, params: Row = {}, opts: ReadOptions = {}): Promise<RowOf<N>[]> {
    const found = await (opts.shared ? this.readShared(name, params) : this.readAlone(name, params));
    return found as RowOf<N>[];
  }

  private sharedQueue: SharedRead[] = [];
  private sharedFlushScheduled = false;
  private sharedInFlight = 0;

  private readShared(name: string, params: Row): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.sharedQueue.push({ name, params, resolve, reject });
      this.scheduleShared();
    });
  }

  /**
   * Like a group commit: at most MAX_SHARED_TRANSACTIONS shared transactions
   * run at once, and the reads that arrive meanwhile wait for the next one,
   * which takes them all. Under light load a read starts at once; under heavy
   * load transactions carry more reads each instead of queueing in Neo4j.
   */
  private scheduleShared() {
    if (this.sharedFlushScheduled || this.sharedQueue.length === 0 || this.sharedInFlight >= MAX_SHARED_TRANSACTIONS) return;
    this.sharedFlushScheduled = true;
    // setImmediate runs after the I/O callbacks of this turn, so the reads of
    // every request whose data arrived in it are gathered.
    setImmediate(() => {
      this.sharedFlushScheduled = false;
      while (this.sharedQueue.length > 0 && this.sharedInFlight < MAX_SHARED_TRANSACTIONS) {
        this.sharedInFlight++;
        void this.runShared(this.sharedQueue.splice(0, MAX_SHARED_READS)).finally(() => {
          this.sharedInFlight--;
          this.scheduleShared();
        });
      }
    });
  }

  /**
   * One read transaction for several statements, sent pipelined; the callers
   * get their rows when it has committed.
   *
   * Why a failed one is not retried as one unit: where that is right, the
   * driver already does it. executeRead runs the whole transaction again on
   * any error isRetryableError accepts (transient errors, a lost connection)
   * for up to FAIL_FAST.retryMs; what still fails that way is an outage and
   * fails every statement at once below. Any other error comes from one
   * statement, and the transaction carries statements of other, unrelated
   * requests: a client's malformed search text fails again however often it
   * runs, so retried together they would all fail with it every time; and a
   * read timeout is shared by the statements run one after another in the
   * transaction, while alone each gets all of it. So each statement runs
   * again alone, and only a bad one fails its caller
   * (test/integration/database.test.ts).
   */
  private async runShared(items: SharedRead[]) {
    const alone = (item: SharedRead) => this.readAlone(item.name, item.params).then(item.resolve, item.reject);
    if (items.length === 1) return alone(items[0]!);
    try {
      const results = await this.transact(
        neo4j.session.READ,
        (tx) =>
          Promise.all(
            items.map(async (item) => {
              this.notify(item.name);
              return rows(await runStatement(tx, cypher(item.name), item.params));
            }),
          ),
        { timeout: this.readTimeoutMs },
      );
      items.forEach((item, i) => item.resolve(results[i]!));
    } catch (err) {
      // An outage fails every statement alike: running each alone would only double the wait.
      if (isOutage(err)) for (const item of items) item.reject(classify(err, item.name));
      else await Promise.all(items.map(alone));
    }
  }

  /** One read statement in a transaction of its own. */
  private async readAlone(name: string, params: Row): Promise<Row[]> {
    const text = cypher(name);
    this.notify(name);
    // A managed read transaction: routed to readers in a cluster, retried by
    // the driver on transient errors, cancelled by Neo4j after the timeout.
    try {
      return rows(await this.transact(neo4j.session.READ, (tx) => runStatement(tx, text, params), { timeout: this.readTimeoutMs }));
    } catch (err) {
      throw classify(err, name);
    }
  }

  /**
   * Runs `work` in one write transaction; `run` executes named statements in it.
   * Everything inside commits together or not at all.
   */
  async write<T>(work: (run: (name: string, params?: Row) => Promise<Row[]>) => Promise<T>): Promise<T> {
    let last = 'write';
    return this.transact(
      neo4j.session.WRITE,
      (tx) =>
        work(async (name, params = {}) => {
          this.notify(name);
          last = name;
          return rows(await tx.run(cypher(name), params));
        }),
      { timeout: this.writeTimeoutMs },
    ).catch((err: unknown) => {
      throw classify(err, last);
    });
  }

  /**
   * Runs `work` in one transaction of a session of its own, inside the
   * admission queue. Normally a managed transaction: the driver runs `work`
   * again on a transient error or a lost connection, for up to
   * FAIL_FAST.retryMs. While Neo4j cannot be reached, that retry only delays
   * the failure: the driver waits a fixed ~1 s (±20%) before it, whatever
   * maxTransactionRetryTime says, so a request sent during an outage took its
   * first attempt plus up to 1.2 s, close to the 2 s bound on a busy machine.
   * So once an attempt fails to connect, each transaction is an explicit one,
   * tried once and once more at once in a fresh session (a pooled connection
   * that died with the server is replaced), until one succeeds. Every request
   * still tries: the first after Neo4j returns succeeds, which a breaker that
   * waited for the health probe would refuse.
   */
  private transact<T>(mode: SessionMode, work: (tx: Tx) => Promise<T>, opts: { timeout: number; bookmarks?: string[] }): Promise<T> {
    return this.admission.run(async () => {
      const managed = !this.unreachable;
      for (let attempt = 1; ; attempt++) {
        try {
          const out = await this.attempt(mode, work, opts, managed);
          this.unreachable = false;
          return out;
        } catch (err) {
          if (!isUnreachable(err)) throw err;
          this.unreachable = true;
          if (managed || attempt === 2) throw err;
        }
      }
    });
  }

  private async attempt<T>(mode: SessionMode, work: (tx: Tx) => Promise<T>, opts: { timeout: number; bookmarks?: string[] }, managed: boolean): Promise<T> {
    const session = this.session(mode, opts.bookmarks);
    try {
      if (managed) {
        const config = { timeout: opts.timeout };
        return await (mode === neo4j.session.READ ? session.executeRead(work, config) : session.executeWrite(work, config));
      }
      const tx = session.beginTransaction({ timeout: opts.timeout });
      const out = await work(tx);
      await tx.commit();
      return out;
    } finally {
      // Rolls back a transaction left open by a failure.
      await session.close();
    }
  }

  /**
   * Schema statements cannot share a transaction with data writes: each gets
   * its own, one statement in one managed write transaction, which is what
   * executeQuery is (chained by the process's bookmarks like every session here).
   */
  async runSchemaStatement(text: string): Promise<void> {
    await this.driver.executeQuery(text, {}, { database: this.database, routing: neo4j.routing.WRITE, bookmarkManager: this.bookmarks });
  }

  /**
   * A statement that manages its own transactions (CALL ... IN TRANSACTIONS):
   * it must run in an auto-commit transaction, which executeQuery (a managed
   * transaction) is not.
   */
  async runAutoCommit(text: string): Promise<void> {
    const session = this.session(neo4j.session.WRITE);
    try {
      await session.run(text);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.probe?.stop();
    await this.driver.close();
  }
}

function rows(result: { records: Neo4jRecord[] }): Row[] {
  return result.records.map((r) => toNative(r.toObject()) as Row);
}
