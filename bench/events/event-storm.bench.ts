import { enableProdMode } from '@angular/core';
import { sleep } from '../support/emulator-clients';
import { pairedFigure } from '../support/figures';
import { GcClock } from '../support/gc-clock';
import { collectGarbage } from '../support/heap';
import { closeIdleConnections, requestJson } from '../support/http-json';
import { RemoteEmulator, startEmulatorProcess } from '../support/remote-emulator';
import { BenchmarkReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { summarize } from '../support/statistics';
import { installDomGlobals } from './dom-globals';
import { deliverPaced } from './paced-delivery';
import { CHANNELS_SHOWN } from './storm-apps';
import { MessageTemplate, stormFrames } from './storm-frames';
import { STORM_SENDER_ID, TEMPLATE_CHANNEL_ID, stormChannelId, stormSeed } from './storm-seed';
import {
  StormSubject,
  harnessSubject,
  librarySubject,
  rawSubject,
  vendorSubject,
} from './storm-subjects';
import { TickCounter } from './tick-counter';

/** What one chunk of the storm cost one subject. */
interface ChunkCost {
  cpuMicrosPerEvent: number;
  /** The part of the CPU time spent collecting garbage. */
  gcMicrosPerEvent: number;
  ticksPer1000: number;
}

type PhaseCosts = Map<StormSubject, ChunkCost[]>;

interface StormSizes {
  channels: number;
  chunk: number;
  chunks: number;
  /** Chunks per app phase (ticks need fewer events than CPU figures). */
  appChunks: number;
  perSecond: number;
  settleMs: number;
}

/** The shape of a real message: one posted to the emulator's template channel. */
async function messageTemplate(emulator: RemoteEmulator): Promise<MessageTemplate> {
  const params = new URLSearchParams({ api_key: emulator.apiKey, user_id: STORM_SENDER_ID });
  const response = await requestJson(
    'POST',
    `${emulator.url}/channels/messaging/${TEMPLATE_CHANNEL_ID}/message?${params}`,
    { message: { text: 'template' } },
    { authorization: emulator.createToken(STORM_SENDER_ID), 'stream-auth-type': 'jwt' },
  );
  return response.body['message'] as MessageTemplate;
}

/**
 * Feeds the storm to several subjects in turn, a chunk at a time, rotating who goes first, and
 * measures each chunk: CPU time (process.cpuUsage over the paced delivery plus a settle period
 * for coalesced updates and renders) and the app's ticks.
 */
class StormFeeder {
  private nextEvent = 0;

  constructor(
    private readonly template: MessageTemplate,
    private readonly sizes: StormSizes,
    private readonly startTime: number,
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
    const frames = stormFrames(
      subject.subject,
      this.template,
      first,
      sizes.chunk,
      sizes.channels,
      this.startTime,
    );
    const ticks = () => subject.ticks?.ticks ?? 0;
    // Earlier chunks' garbage is collected before the window, so it is not billed to this one.
    collectGarbage();
    const ticksBefore = ticks();
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
    };
  }
}

/** Whether a subject's list ends as the storm says: every channel, the last one written on top. */
function listMatches(subject: StormSubject, lastEvent: number, channels: number): boolean {
  const listed = subject.listedChannels();
  const expectedTop = `messaging:${stormChannelId(subject.subject, lastEvent % channels)}`;
  return listed.length === channels && (!subject.ticks || listed[0]?.cid === expectedTop);
}

/**
 * 2. Event handling cost: the same `message.new` storm over 500 channels fed to the raw client,
 * to stream-chat-angular 7 and to ngx-stream-chat, frame by frame through each client's socket
 * handler; CPU time per event, and change-detection ticks per 1,000 events in a zoneless app.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  enableProdMode();
  installDomGlobals();
  const sizes: StormSizes = {
    channels: bySize(mode, 500, 50),
    chunk: bySize(mode, 1000, 250),
    chunks: bySize(mode, 20, 2),
    appChunks: bySize(mode, 10, 2),
    perSecond: 1000,
    settleMs: 150,
  };
  const events = sizes.chunk * sizes.chunks;
  const emulator = await startEmulatorProcess(stormSeed(sizes.channels));
  const subjects: StormSubject[] = [];
  const gc = new GcClock();
  try {
    const template = await messageTemplate(emulator);
    subjects.push(await rawSubject(emulator, sizes.channels));
    subjects.push(await vendorSubject(emulator, sizes.channels));
    subjects.push(await librarySubject(emulator, sizes.channels));
    const [raw, vendor, library] = subjects;
    const harness = harnessSubject();
    const feeder = new StormFeeder(template, sizes, Date.now() + 60_000, gc);

    // Phase 1, services only (warm-up chunk first, not counted).
    await feeder.feed([harness, ...subjects], 1);
    const handling = await feeder.feed([harness, ...subjects], sizes.chunks);
    const harnessCost = summarize(
      (handling.get(harness) ?? []).map((cost) => cost.cpuMicrosPerEvent),
    ).median;

    // Phase 2, the apps render the channel list and the active channel's messages.
    const counters: TickCounter[] = [vendor, library].map((subject) => subject.render());
    const listOnly = await feeder.feed([vendor, library], sizes.appChunks);
    // Phase 3, the apps also show the user's unread total from user$.
    counters.forEach((counter) => counter.showUnreadTotal.set(true));
    await sleep(100);
    const withTotal = await feeder.feed([vendor, library], sizes.appChunks);

    const consistent = subjects.map(
      (subject) =>
        `${subject.label}: ${listMatches(subject, feeder.lastEvent, sizes.channels) ? 'yes' : 'NO'}`,
    );
    /** CPU per event net of the delivery harness's own cost. */
    const cpu = (costs: PhaseCosts, subject: StormSubject) =>
      (costs.get(subject) ?? []).map((cost) => Math.max(0, cost.cpuMicrosPerEvent - harnessCost));
    /** Garbage collection per event (part of the CPU time; the harness's share not taken off). */
    const gcTime = (costs: PhaseCosts, subject: StormSubject) =>
      (costs.get(subject) ?? []).map((cost) => cost.gcMicrosPerEvent);
    const ticks = (costs: PhaseCosts, subject: StormSubject) =>
      (costs.get(subject) ?? []).map((cost) => cost.ticksPer1000);
    const versus = (subject: StormSubject, reference: StormSubject) => ({
      subjectName: subject.label,
      referenceName: reference.label,
    });
    const services = { figure: 'CPU per event, services only', unit: 'µs' };
    return {
      name: '2. Event handling cost',
      figures: [
        pairedFigure(
          { ...services, ...versus(library, vendor) },
          cpu(handling, library),
          cpu(handling, vendor),
        ),
        pairedFigure(
          { ...services, ...versus(library, raw) },
          cpu(handling, library),
          cpu(handling, raw),
        ),
        pairedFigure(
          { ...services, ...versus(vendor, raw) },
          cpu(handling, vendor),
          cpu(handling, raw),
        ),
        pairedFigure(
          { figure: 'of which GC, services only', unit: 'µs', ...versus(library, vendor) },
          gcTime(handling, library),
          gcTime(handling, vendor),
        ),
        pairedFigure(
          { figure: 'of which GC, services only', unit: 'µs', ...versus(library, raw) },
          gcTime(handling, library),
          gcTime(handling, raw),
        ),
        pairedFigure(
          { figure: 'CPU per event, app: list + messages', unit: 'µs', ...versus(library, vendor) },
          cpu(listOnly, library),
          cpu(listOnly, vendor),
        ),
        pairedFigure(
          {
            figure: 'ticks per 1,000 events, app: list + messages',
            unit: 'ticks',
            ...versus(library, vendor),
          },
          ticks(listOnly, library),
          ticks(listOnly, vendor),
        ),
        pairedFigure(
          { figure: 'CPU per event, app: + unread total', unit: 'µs', ...versus(library, vendor) },
          cpu(withTotal, library),
          cpu(withTotal, vendor),
        ),
        pairedFigure(
          {
            figure: 'ticks per 1,000 events, app: + unread total',
            unit: 'ticks',
            ...versus(library, vendor),
          },
          ticks(withTotal, library),
          ticks(withTotal, vendor),
        ),
      ],
      notes: [
        `Per subject, ${events} message.new events over ${sizes.channels} channels in phase 1 and ` +
          `${sizes.appChunks * sizes.chunk} in each of phases 2 and 3, at ` +
          `${sizes.perSecond}/s, one frame per macrotask, fed through each client's own socket ` +
          `handler (wsConnection.onmessage: JSON parsing, the client's channel state, then the ` +
          `SDK's listeners). Each subject is its own user with its own ${sizes.channels} watched ` +
          `channels on one emulator (in its own process); frames copy a real emulator message and ` +
          `carry rising unread counters. Chunks of ${sizes.chunk} events rotate between subjects ` +
          `and ratios are paired per chunk. CPU: process.cpuUsage() over the chunk plus ` +
          `${sizes.settleMs} ms for coalesced updates (a full GC runs before each chunk, outside ` +
          `the window), per event, minus the same for the harness alone ` +
          `(GC: the collections the runtime ran during the window, from its gc performance ` +
          `entries, forced ones left out, not net of the harness) ` +
          `(${harnessCost.toFixed(1)} µs: pacing timers, frame building, idle timers). ` +
          `Phase 1: services only, nothing rendered. Phases 2 and 3: a zoneless app ` +
          `(createApplication, prod mode, jsdom with 60 Hz animation frames) renders the first ` +
          `${CHANNELS_SHOWN} channels of the list with unread counts and the active channel's messages ` +
          `(phase 3 also the user's unread total from user$); the vendor's through async pipes, ` +
          `ngx-stream-chat's through signals; ticks counted with afterEveryRender. An SDK that ` +
          `needs more than 1 ms per event falls behind: its frames queue and run back to back, ` +
          `which lowers its tick count.`,
        `Lists consistent with the storm at the end (all channels, the app SDKs with the last ` +
          `channel written on top): ${consistent.join(', ')}.`,
      ],
    };
  } finally {
    gc.stop();
    for (const subject of subjects) {
      await subject.stop().catch(() => undefined);
    }
    closeIdleConnections();
    await emulator.stop();
  }
}
