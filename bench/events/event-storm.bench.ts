import { enableProdMode } from '@angular/core';
import { sleep } from '../support/emulator-clients';
import { pairedFigure, unpairedFigure } from '../support/figures';
import { GcClock } from '../support/gc-clock';
import { closeIdleConnections, requestJson } from '../support/http-json';
import { RemoteEmulator, startEmulatorProcess } from '../support/remote-emulator';
import { BenchmarkReport, Figure } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { summarize } from '../support/statistics';
import { installDomGlobals } from './dom-globals';
import { ReactionStormPlan, reactionFrames, threadParentId } from './reaction-frames';
import { CHANNELS_SHOWN, REPLIES_SHOWN } from './storm-apps';
import { ChunkCost, FeedSizes, PhaseCosts, StormFeeder } from './storm-feeder';
import { MessageTemplate, stormFrames } from './storm-frames';
import {
  STORM_SENDER_ID,
  StormSubjectName,
  TEMPLATE_CHANNEL_ID,
  stormChannelId,
  stormSeed,
} from './storm-seed';
import {
  StormSubject,
  harnessSubject,
  librarySubject,
  rawSubject,
  vendorSubject,
} from './storm-subjects';
import { TickCounter } from './tick-counter';

interface StormSizes extends FeedSizes {
  channels: number;
  /** Chunks of the services-only phase. */
  chunks: number;
  /** Chunks per app phase (ticks need fewer events than CPU figures). */
  appChunks: number;
  /** Chunks of the reaction storm's services-only phase. */
  reactionChunks: number;
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

/** Whether a subject's list ends as the storm says: every channel, the last one written on top. */
function listMatches(subject: StormSubject, lastEvent: number, channels: number): boolean {
  const listed = subject.listedChannels();
  const expectedTop = `messaging:${stormChannelId(subject.subject, lastEvent % channels)}`;
  return listed.length === channels && (!subject.ticks || listed[0]?.cid === expectedTop);
}

/** A subject's samples of a phase, by what they measure. */
function samples(costs: PhaseCosts, subject: StormSubject, of: (cost: ChunkCost) => number) {
  return (costs.get(subject) ?? []).map(of);
}

/**
 * The CPU figures of a services-only phase: ours and the vendor's against each other and against
 * the raw client, then each SDK's overhead over the raw client (per round of chunks, which ran on
 * the same events one after another) against the other's, and garbage collection.
 */
function servicesFigures(
  storm: string,
  costs: PhaseCosts,
  [raw, vendor, library]: StormSubject[],
  harnessCost: number,
): Figure[] {
  const figure = `CPU per event, ${storm}, services only`;
  const cpu = (subject: StormSubject) =>
    samples(costs, subject, (cost) => Math.max(0, cost.cpuMicrosPerEvent - harnessCost));
  const overhead = (subject: StormSubject) =>
    cpu(subject).map((value, round) => value - (cpu(raw)[round] ?? NaN));
  const gcTime = (subject: StormSubject) =>
    samples(costs, subject, (cost) => cost.gcMicrosPerEvent);
  const versus = (subject: StormSubject, reference: StormSubject) => ({
    subjectName: subject.label,
    referenceName: reference.label,
  });
  return [
    pairedFigure({ figure, unit: 'µs', ...versus(library, vendor) }, cpu(library), cpu(vendor)),
    pairedFigure({ figure, unit: 'µs', ...versus(library, raw) }, cpu(library), cpu(raw)),
    pairedFigure({ figure, unit: 'µs', ...versus(vendor, raw) }, cpu(vendor), cpu(raw)),
    unpairedFigure(
      {
        figure: `CPU over the raw client per event, ${storm}, services only`,
        unit: 'µs',
        subjectName: `${library.label} − raw`,
        referenceName: `${vendor.label} − raw`,
      },
      overhead(library),
      overhead(vendor),
    ),
    pairedFigure(
      { figure: `of which GC, ${storm}, services only`, unit: 'µs', ...versus(library, vendor) },
      gcTime(library),
      gcTime(vendor),
    ),
    pairedFigure(
      { figure: `of which GC, ${storm}, services only`, unit: 'µs', ...versus(library, raw) },
      gcTime(library),
      gcTime(raw),
    ),
  ];
}

/** CPU and ticks of an app phase, ours against the vendor's. */
function appFigures(
  app: string,
  costs: PhaseCosts,
  [, vendor, library]: StormSubject[],
  harnessCost: number,
): Figure[] {
  const cpu = (subject: StormSubject) =>
    samples(costs, subject, (cost) => Math.max(0, cost.cpuMicrosPerEvent - harnessCost));
  const ticks = (subject: StormSubject) => samples(costs, subject, (cost) => cost.ticksPer1000);
  const requests = (subject: StormSubject) =>
    samples(costs, subject, (cost) => cost.renderRequestsPer1000);
  const labels = { subjectName: library.label, referenceName: vendor.label };
  return [
    pairedFigure(
      { figure: `CPU per event, app: ${app}`, unit: 'µs', ...labels },
      cpu(library),
      cpu(vendor),
    ),
    pairedFigure(
      { figure: `ticks per 1,000 events, app: ${app}`, unit: 'ticks', ...labels },
      ticks(library),
      ticks(vendor),
    ),
    pairedFigure(
      { figure: `render requests per 1,000 events, app: ${app}`, unit: 'tasks', ...labels },
      requests(library),
      requests(vendor),
    ),
  ];
}

/**
 * 2. Event handling cost: the same `message.new` storm over 500 channels fed to the raw client,
 * to stream-chat-angular 7 and to ngx-stream-chat, frame by frame through each client's socket
 * handler; CPU time per event, and change-detection ticks per 1,000 events in a zoneless app.
 * Then a storm of reactions and thread replies, half of it in the active channel and its open
 * thread, measured the same way.
 */
export async function run(mode: RunMode): Promise<BenchmarkReport> {
  enableProdMode();
  installDomGlobals();
  const sizes: StormSizes = {
    channels: bySize(mode, 500, 50),
    chunk: bySize(mode, 1000, 250),
    chunks: bySize(mode, 20, 2),
    appChunks: bySize(mode, 10, 2),
    reactionChunks: bySize(mode, 10, 2),
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
    const [, vendor, library] = subjects;
    const apps = [vendor, library];
    const harness = harnessSubject();
    const startTime = Date.now() + 60_000;
    const messages = new StormFeeder(
      (subject, first, count) =>
        stormFrames(subject, template, first, count, sizes.channels, startTime),
      sizes,
      gc,
    );

    // Phase 1, services only (warm-up chunk first, not counted).
    await messages.feed([harness, ...subjects], 1);
    const handling = await messages.feed([harness, ...subjects], sizes.chunks);
    const harnessCost = summarize(
      samples(handling, harness, (cost) => cost.cpuMicrosPerEvent),
    ).median;

    // Phase 1b, reactions and thread replies, services only, the thread open in channel 0.
    const lastMessageEvent = messages.lastEvent;
    const plan = (subject: StormSubjectName): ReactionStormPlan => ({
      subject,
      template,
      channels: sizes.channels,
      lastMessageEvent,
      startTime,
    });
    for (const subject of subjects) {
      await subject.openThread(
        stormChannelId(subject.subject, 0),
        threadParentId(plan(subject.subject)),
      );
    }
    const reactions = new StormFeeder(
      (subject, first, count) =>
        reactionFrames(plan(subject), first, count, startTime + 10_000_000),
      sizes,
      gc,
    );
    await reactions.feed([harness, ...subjects], 1);
    const reactionHandling = await reactions.feed([harness, ...subjects], sizes.reactionChunks);

    // Phase 2, the apps render the channel list, the active channel's messages and its thread.
    const counters: TickCounter[] = apps.map((subject) => subject.render());
    const listOnly = await messages.feed(apps, sizes.appChunks);
    // Phase 3, the apps also show the user's unread total from user$.
    counters.forEach((counter) => counter.showUnreadTotal.set(true));
    await sleep(100);
    const withTotal = await messages.feed(apps, sizes.appChunks);
    const consistent = subjects.map(
      (subject) =>
        `${subject.label}: ${listMatches(subject, messages.lastEvent, sizes.channels) ? 'yes' : 'NO'}`,
    );

    // Phase 4, the reaction storm again, rendered.
    const reactionApp = await reactions.feed(apps, sizes.appChunks);
    const replies: string[] = [];
    for (const subject of subjects) {
      const count = await subject.threadReplies(
        stormChannelId(subject.subject, 0),
        threadParentId(plan(subject.subject)),
      );
      replies.push(`${subject.label} ${count}`);
    }

    return {
      name: '2. Event handling cost',
      figures: [
        ...servicesFigures('message.new', handling, subjects, harnessCost),
        ...appFigures('list + messages', listOnly, subjects, harnessCost),
        ...appFigures('+ unread total', withTotal, subjects, harnessCost),
        ...servicesFigures('reactions + replies', reactionHandling, subjects, harnessCost),
        ...appFigures('reactions + replies', reactionApp, subjects, harnessCost),
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
          `"CPU over the raw client": per round of chunks (the subjects one after another on the ` +
          `same events), an SDK's CPU minus the raw client's; the ratio is that of the medians. ` +
          `Phase 1: services only, nothing rendered. Phases 2 and 3: a zoneless app ` +
          `(createApplication, prod mode, jsdom with 60 Hz animation frames) renders the first ` +
          `${CHANNELS_SHOWN} channels of the list with unread counts, the active channel's ` +
          `messages with their reaction and reply counts, and the open thread's latest ` +
          `${REPLIES_SHOWN} replies (phase 3 also the user's unread total from user$); the ` +
          `vendor's through async pipes, ngx-stream-chat's (with withThreads() and ` +
          `withReactions()) through signals; ticks counted with afterEveryRender. An SDK that ` +
          `needs more than 1 ms per event falls behind: its frames queue and run back to back, ` +
          `which lowers its tick count, so on a loaded machine ticks measure how far an SDK fell ` +
          `behind as much as how often it renders. "Render requests" do not: the tasks in which ` +
          `the SDK asked Angular to render (ChangeDetectionScheduler.notify, several in one task ` +
          `counted once), which is how many renders an app that keeps up would run (a zone.js app ` +
          `renders after each such task).`,
        `Reactions + replies: after phase 1, channel 0 becomes active in both SDKs and the thread ` +
          `of its latest message opens (from the client's state). ` +
          `${sizes.reactionChunks * sizes.chunk} events per subject with nothing rendered (phase ` +
          `1b), then ${sizes.appChunks * sizes.chunk} with the app of phase 3 (phase 4), each step ` +
          `three frames: reaction.new on one of the channel's ${5} latest messages (the whole ` +
          `message with rising counts, as the emulator sends it), a thread reply (message.new ` +
          `with parent_id) to the channel's latest message, and that parent's message.updated ` +
          `with its reply_count; every other step goes to the active channel and its open ` +
          `thread, the rest to the other channels in turn.`,
        `Lists consistent with the storm after phase 3 (all channels, the app SDKs with the last ` +
          `channel written on top): ${consistent.join(', ')}. Replies in the open thread at the ` +
          `end: ${replies.join(', ')}.`,
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
