import { sleep } from '../support/emulator-clients';
import { GcClock } from '../support/gc-clock';
import { collectGarbage } from '../support/heap';
import { deliverPaced } from './paced-delivery';
import { StormSubjectName } from './storm-seed';
import { StormSubject } from './storm-subjects';

/** What one chunk of a storm cost one subject. */
export interface ChunkCost {
  cpuMicrosPerEvent: number;
  /** The part of the CPU time spent collecting garbage. */
  gcMicrosPerEvent: number;
  ticksPer1000: number;
  /** Tasks that asked the app to render, per 1,000 events (see TickCounter.renderRequests). */
  renderRequestsPer1000: number;
}

/** Each subject's cost of every chunk of a phase, in order. */
export type PhaseCosts = Map<StormSubject, ChunkCost[]>;

/** How a storm is fed. */
export interface FeedSizes {
  /** Events per chunk. */
  chunk: number;
  perSecond: number;
  /** How long to wait after a chunk's last event, for coalesced updates and renders. */
  settleMs: number;
}

/** Frames `[first, first + count)` of a storm, for one subject (JSON text, as on the socket). */
export type StormFrames = (subject: StormSubjectName, first: number, count: number) => string[];

/**
 * Feeds a storm to several subjects in turn, a chunk at a time, rotating who goes first, and
 * measures each chunk: CPU time (process.cpuUsage over the paced delivery plus a settle period
 * for coalesced updates and renders) and the app's ticks. Every subject gets the same events.
 */
export class StormFeeder {
  private nextEvent = 0;

  constructor(
    private readonly frames: StormFrames,
    private readonly sizes: FeedSizes,
    private readonly gc: GcClock,
  ) {}

  /** The index of the last event fed so far. */
  get lastEvent(): number {
    return this.nextEvent - 1;
  }

  async feed(subjects: StormSubject[], chunks: number): Promise<PhaseCosts> {
    const costs: PhaseCosts = new Map(subjects.map((subject) => [subject, []]));
    for (let c = 0; c < chunks; c++) {
      const first = this.nextEvent;
      for (let k = 0; k < subjects.length; k++) {
        const subject = subjects[(c + k) % subjects.length];
        costs.get(subject)?.push(await this.feedChunk(subject, first));
      }
      this.nextEvent += this.sizes.chunk;
    }
    return costs;
  }

  private async feedChunk(subject: StormSubject, first: number): Promise<ChunkCost> {
    const { sizes } = this;
    const frames = this.frames(subject.subject, first, sizes.chunk);
    const ticks = () => subject.ticks?.ticks ?? 0;
    const requests = () => subject.ticks?.renderRequests ?? 0;
    // Earlier chunks' garbage is collected before the window, so it is not billed to this one.
    collectGarbage();
    const ticksBefore = ticks();
    const requestsBefore = requests();
    const cpuBefore = process.cpuUsage();
    const windowStart = performance.now();
    await deliverPaced(frames.length, sizes.perSecond, (i) => subject.deliver(frames[i]));
    await sleep(sizes.settleMs);
    const cpu = process.cpuUsage(cpuBefore);
    const windowEnd = performance.now();
    // The runtime reports collections asynchronously: let the last ones of the window arrive.
    await sleep(1);
    return {
      cpuMicrosPerEvent: (cpu.user + cpu.system) / frames.length,
      gcMicrosPerEvent: (this.gc.spentBetween(windowStart, windowEnd) * 1000) / frames.length,
      ticksPer1000: ((ticks() - ticksBefore) * 1000) / frames.length,
      renderRequestsPer1000: ((requests() - requestsBefore) * 1000) / frames.length,
    };
  }
}
