import type { UsageEvent } from '../usage/types.ts';
import type { Learner } from '../profile/learner.ts';
import type { Button, ChannelName, Reply } from './types.ts';

type EventBody = UsageEvent extends infer E
  ? E extends UsageEvent
    ? Omit<E, 'at' | 'channel' | 'userKey' | 'consented'>
    : never
  : never;

/**
 * One incoming message being handled: the person's state (changed in place, saved at the end)
 * and the usage events to write in the same transaction.
 */
export class Turn {
  readonly events: UsageEvent[] = [];
  /** Set when the person confirmed deletion: nothing is saved after this turn. */
  deleted = false;
  /** Set when the reply should not replace the numbered buttons (a "please retry" reply). */
  keepButtons = false;

  constructor(
    readonly learner: Learner,
    readonly channel: ChannelName,
    readonly now: Date,
  ) {}

  record(body: EventBody): void {
    this.events.push({
      ...body,
      at: this.now,
      channel: this.channel,
      userKey: this.learner.key,
      consented: this.learner.consent === true,
    } as UsageEvent);
  }
}

export function reply(text: string, buttons: Button[] = []): Reply {
  return { text, buttons };
}

export function button(id: string, label: string): Button {
  return { id, label };
}
