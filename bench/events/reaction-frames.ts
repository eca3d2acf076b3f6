import { MessageTemplate } from './storm-frames';
import { StormSubjectName, stormChannelId } from './storm-seed';

/** Frames per step of the reaction storm: a reaction, a thread reply, the parent's update. */
export const FRAMES_PER_STEP = 3;
/** How many of a channel's latest messages the reactions go to. */
const REACTED_MESSAGES = 5;

/** Where the reaction storm goes: the `message.new` storm before it and the active channel. */
export interface ReactionStormPlan {
  subject: StormSubjectName;
  template: MessageTemplate;
  /** Channels of the subject; channel 0 is the active one, with its thread open. */
  channels: number;
  /** The index of the last `message.new` of the storm before (its messages get the reactions). */
  lastMessageEvent: number;
  /** The start time of the `message.new` storm (its message `i` was created at `+ i` ms). */
  startTime: number;
}

/** The index of the newest `message.new` of the storm in `channel`, `back` messages before it. */
function stormMessageIndex(plan: ReactionStormPlan, channel: number, back = 0): number {
  const newest = plan.lastMessageEvent - ((plan.lastMessageEvent - channel) % plan.channels);
  return Math.max(channel, newest - back * plan.channels);
}

/** Message `index` of the `message.new` storm, as the client holds it. */
function stormMessage(plan: ReactionStormPlan, index: number): Record<string, unknown> {
  const channelId = stormChannelId(plan.subject, index % plan.channels);
  const createdAt = new Date(plan.startTime + index).toISOString();
  return {
    ...plan.template,
    id: `storm-${plan.subject}-${index}`,
    text: `Storm message ${index}`,
    html: `<p>Storm message ${index}</p>\n`,
    cid: `messaging:${channelId}`,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** The fields every channel event of `channel` carries. */
function channelFields(plan: ReactionStormPlan, channel: number, at: string) {
  const channelId = stormChannelId(plan.subject, channel);
  return {
    cid: `messaging:${channelId}`,
    channel_id: channelId,
    channel_type: 'messaging',
    user: plan.template['user'],
    created_at: at,
    watcher_count: 1,
    channel_member_count: 2,
  };
}

/**
 * Frames `[first, first + count)` (JSON text) of one subject's storm of reactions and thread
 * replies, as the emulator sends them. Step `s` (3 frames) goes to the active channel (channel 0)
 * when `s` is even and to one of the other channels in turn when odd:
 * a `reaction.new` to one of the channel's 5 latest messages (the whole updated message, its
 * counts rising), a thread reply (`message.new` with `parent_id`, not shown in the channel) to the
 * channel's latest message, and that parent's `message.updated` with its new `reply_count`.
 */
export function reactionFrames(
  plan: ReactionStormPlan,
  first: number,
  count: number,
  startTime: number,
): string[] {
  const frames: string[] = [];
  for (let i = first; i < first + count; i++) {
    const step = Math.floor(i / FRAMES_PER_STEP);
    const channel = step % 2 === 0 ? 0 : 1 + (Math.floor(step / 2) % (plan.channels - 1));
    const at = new Date(startTime + i).toISOString();
    const fields = channelFields(plan, channel, at);
    const parentIndex = stormMessageIndex(plan, channel);
    const round = Math.floor(step / plan.channels) + 1;
    switch (i % FRAMES_PER_STEP) {
      case 0: {
        const target = stormMessage(
          plan,
          stormMessageIndex(plan, channel, step % REACTED_MESSAGES),
        );
        const reaction = {
          type: 'like',
          score: 1,
          message_id: target['id'],
          user: plan.template['user'],
          user_id: (plan.template['user'] as { id: string }).id,
          created_at: at,
          updated_at: at,
        };
        frames.push(
          JSON.stringify({
            type: 'reaction.new',
            ...fields,
            message: {
              ...target,
              reaction_counts: { like: round },
              reaction_scores: { like: round },
              reaction_groups: {
                like: {
                  count: round,
                  sum_scores: round,
                  first_reaction_at: at,
                  last_reaction_at: at,
                },
              },
              latest_reactions: [reaction],
              own_reactions: [],
            },
            reaction,
          }),
        );
        break;
      }
      case 1: {
        const id = `storm-${plan.subject}-reply-${i}`;
        frames.push(
          JSON.stringify({
            type: 'message.new',
            ...fields,
            message: {
              ...plan.template,
              id,
              text: `Storm reply ${i}`,
              html: `<p>Storm reply ${i}</p>\n`,
              cid: fields.cid,
              parent_id: `storm-${plan.subject}-${parentIndex}`,
              show_in_channel: false,
              created_at: at,
              updated_at: at,
            },
            message_id: id,
          }),
        );
        break;
      }
      default:
        frames.push(
          JSON.stringify({
            type: 'message.updated',
            ...fields,
            message: {
              ...stormMessage(plan, parentIndex),
              reply_count: round,
              thread_participants: [plan.template['user']],
            },
            message_id: `storm-${plan.subject}-${parentIndex}`,
          }),
        );
    }
  }
  return frames;
}

/** The id of the active channel's message whose thread is open: its latest of the storm before. */
export function threadParentId(plan: ReactionStormPlan): string {
  return `storm-${plan.subject}-${stormMessageIndex(plan, 0)}`;
}
