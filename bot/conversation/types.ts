/** The conversation core's only contract with channels: messages in, replies out. */

export type ChannelName = 'telegram' | 'zalo' | 'zalo-bot' | 'web' | 'terminal';

export interface IncomingMessage {
  channel: ChannelName;
  /** The platform's id of the person (chat id, Zalo user id, web session id). */
  userId: string;
  /** What the person typed; absent when they tapped a button. */
  text?: string;
  /** The `id` of a button they tapped (channels without buttons map "1", "2"… back to ids). */
  buttonId?: string;
}

export interface Button {
  /** Short ASCII id, at most 48 characters (fits Telegram's 64-byte callback data). */
  id: string;
  /** What the person sees, Vietnamese, short enough for a phone button. */
  label: string;
}

export interface Reply {
  /** Plain text (no markup), phone-sized; channels escape and split it further if needed. */
  text: string;
  buttons: Button[];
}

export interface Conversation {
  handle(message: IncomingMessage): Promise<Reply[]>;
}
