// A bounded queue in front of the driver's connection pool. The pool alone
// lets waiters pile up without limit, each holding its request open until the
// acquisition timeout; when Neo4j dies under load that queue is what made
// requests hang. Here at most `slots` units of work run, at most `maxWaiting`
// wait, none waits longer than `maxWaitMs`; the rest are refused at once.

export interface AdmissionLimits {
  /** Work running at once (at most the driver's pool size). */
  slots: number;
  /** Work waiting for a slot; more is refused at once. */
  maxWaiting: number;
  /** Longest wait for a slot before the work is refused. */
  maxWaitMs: number;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class Admission {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly limits: AdmissionLimits,
    /** The error a refused unit of work gets (why: the queue is full, or the wait ran out). */
    private readonly refuse: (why: 'queue full' | 'wait timed out') => Error,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.limits.slots) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.limits.maxWaiting) return Promise.reject(this.refuse('queue full'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        // The slot passes straight from the releasing work to this one.
        start: resolve,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(this.refuse('wait timed out'));
        }, this.limits.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release() {
    const next = this.queue.shift();
    if (!next) {
      this.running--;
      return;
    }
    clearTimeout(next.timer);
    next.start();
  }
}
