// Is Neo4j answering? Kept by a background probe on a driver of its own, so
// /ready answers from memory at once, never from behind the request traffic
// (when Neo4j died under load, /ready used to wait in the same queue and never
// said 503).
import neo4j, { type Driver } from 'neo4j-driver';
import { driverCode } from './db-errors.js';

export interface HealthState {
  up: boolean;
  /** When `up` last changed (ms since the epoch). */
  since: number;
  /** The driver's or Neo4j's error code of the last failed probe ('' when up). */
  code: string;
}

export interface ProbeOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Time between probes. */
  intervalMs?: number;
  /** A probe that takes longer has failed (twice as long while the database is down). */
  timeoutMs?: number;
}

export class HealthProbe {
  private readonly driver: Driver;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private current: HealthState = { up: false, since: Date.now(), code: 'not probed yet' };
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private markUp: () => void = () => {};
  private readonly everUp = new Promise<void>((resolve) => (this.markUp = resolve));

  constructor(private readonly opts: ProbeOptions) {
    this.intervalMs = opts.intervalMs ?? 500;
    this.timeoutMs = opts.timeoutMs ?? 1_000;
    this.driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      maxConnectionPoolSize: 1,
      connectionTimeout: this.timeoutMs,
      connectionAcquisitionTimeout: this.timeoutMs,
      // One answer per probe: the next probe is the retry.
      maxTransactionRetryTime: 0,
    });
    void this.probe();
    this.timer = setInterval(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  get state(): HealthState {
    return this.current;
  }

  /**
   * Resolves when a probe has first succeeded, or after `withinMs` (a cold
   * Neo4j on a busy machine can take longer than one probe's timeout to
   * answer its first query).
   */
  firstUp(withinMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([this.everUp, new Promise<void>((r) => (timer = setTimeout(r, withinMs)))]).finally(() => clearTimeout(timer));
  }

  private set(up: boolean, code: string) {
    if (up !== this.current.up) this.current = { up, since: Date.now(), code };
    else this.current = { ...this.current, code };
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.driver.executeQuery('RETURN 1', {}, { database: this.opts.database, routing: neo4j.routing.READ }),
        new Promise((_, reject) => {
          // Quick to call a live database dead; patient with one coming back (its first answers are slow).
          const ms = this.current.up ? this.timeoutMs : 2 * this.timeoutMs;
          timeout = setTimeout(() => reject(Object.assign(new Error('probe timed out'), { code: 'ProbeTimeout' })), ms);
        }),
      ]);
      this.set(true, '');
      this.markUp();
    } catch (err) {
      this.set(false, driverCode(err) ?? 'unknown');
    } finally {
      clearTimeout(timeout);
      this.probing = false;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.driver.close();
  }
}
