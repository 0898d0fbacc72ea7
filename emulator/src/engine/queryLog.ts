/** Recent engine queries (running, done, cancelled) for `/_emulator/queries`. Bounded. */
import type { EngineQueryInfo } from './types';

const MAX_KEPT = 500;

export class QueryLog {
  private readonly items: EngineQueryInfo[] = [];

  add(queryId: string): EngineQueryInfo {
    const info: EngineQueryInfo = {
      queryId,
      state: 'queued',
      startedAt: new Date().toISOString(),
      endedAt: null,
      engineStopped: null,
      stoppedBy: null,
      progress: null,
    };
    this.items.push(info);
    if (this.items.length > MAX_KEPT) {
      const i = this.items.findIndex((x) => x.endedAt !== null);
      this.items.splice(i >= 0 ? i : 0, 1);
    }
    return info;
  }

  setState(info: EngineQueryInfo, state: EngineQueryInfo['state']): void {
    info.state = state;
  }

  finish(info: EngineQueryInfo, state: EngineQueryInfo['state'], stopped: boolean | null, by: EngineQueryInfo['stoppedBy']): void {
    info.state = state;
    info.endedAt = new Date().toISOString();
    info.engineStopped = stopped;
    info.stoppedBy = by;
  }

  list(): EngineQueryInfo[] {
    return this.items.map((x) => ({ ...x }));
  }
}
