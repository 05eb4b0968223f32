import { useEffect, useRef } from 'react';

// Live views refresh by polling, and an open view makes at most one request per second (SPEC §9 performance):
// every view owns one Poller that runs its tasks one at a time, each when due, with at least `minGapMs` between
// two request starts whatever the tasks ask for.

export interface PollTask {
  /** Milliseconds between two runs of this task. */
  everyMs: number;
  run: (signal: AbortSignal) => Promise<unknown>;
}

export const minGapMs = 1100;

class Poller {
  private tasks = new Map<string, PollTask>();
  private nextDue = new Map<string, number>();
  private lastStart = -Infinity;
  private timer: number | undefined;
  private running = false;
  private stopped = false;
  private readonly abort = new AbortController();

  setTasks(tasks: Record<string, PollTask | null | undefined>): void {
    const next = new Map<string, PollTask>();
    for (const [id, task] of Object.entries(tasks)) {
      if (task) {
        next.set(id, task);
        if (!this.nextDue.has(id)) {
          this.nextDue.set(id, 0); // A new task runs as soon as the gap allows.
        }
      }
    }
    for (const id of [...this.nextDue.keys()]) {
      if (!next.has(id)) {
        this.nextDue.delete(id);
      }
    }
    this.tasks = next;
    this.schedule();
  }

  /** Runs a task at the next allowed moment (after a change the admin made, say). */
  soon(id: string): void {
    if (this.tasks.has(id)) {
      this.nextDue.set(id, 0);
      this.schedule();
    }
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.abort.abort();
  }

  schedule(): void {
    if (this.stopped || this.running) {
      return;
    }
    window.clearTimeout(this.timer);
    let chosen: string | null = null;
    let due = Infinity;
    for (const id of this.tasks.keys()) {
      const at = this.nextDue.get(id) ?? 0;
      if (at < due) {
        due = at;
        chosen = id;
      }
    }
    if (chosen === null) {
      return;
    }
    const at = Math.max(due, this.lastStart + minGapMs);
    const id = chosen;
    this.timer = window.setTimeout(() => void this.runTask(id), Math.max(0, at - performance.now()));
  }

  private async runTask(id: string): Promise<void> {
    const task = this.tasks.get(id);
    if (!task || this.stopped) {
      return;
    }
    if (document.hidden) {
      // Nobody is looking: try again later, without a request.
      this.timer = window.setTimeout(() => this.schedule(), 1000);
      return;
    }
    this.running = true;
    const started = performance.now();
    this.lastStart = started;
    this.nextDue.set(id, started + task.everyMs);
    try {
      await task.run(this.abort.signal);
    } catch {
      // Each task shows its own errors; polling goes on.
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}

/**
 * Runs `tasks` for as long as the component is mounted. The task functions may change on every render; the latest
 * ones run. A null task is not run (an instance view with nothing looked up, say).
 */
export function usePoller(tasks: Record<string, PollTask | null | undefined>): { soon: (id: string) => void } {
  const poller = useRef<Poller | null>(null);
  const latest = useRef(tasks);
  latest.current = tasks;

  const wrap = (): Record<string, PollTask> => {
    const wrapped: Record<string, PollTask> = {};
    for (const [id, task] of Object.entries(latest.current)) {
      if (task) {
        wrapped[id] = { everyMs: task.everyMs, run: (signal) => latest.current[id]?.run(signal) ?? Promise.resolve() };
      }
    }
    return wrapped;
  };

  useEffect(() => {
    const current = new Poller();
    poller.current = current;
    current.setTasks(wrap());
    const onVisible = () => current.schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      current.stop();
      poller.current = null;
    };
  }, []);

  const keys = Object.entries(tasks).filter(([, t]) => t).map(([id, t]) => `${id}:${t!.everyMs}`).join('|');
  useEffect(() => {
    poller.current?.setTasks(wrap());
  }, [keys]);

  return { soon: (id: string) => poller.current?.soon(id) };
}
