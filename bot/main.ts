/**
 * `npm start`: brings the knowledge base up to date with `knowledge/` (built on the first run),
 * then serves the web chat at /, POST /api/chat, the staff dashboard at /admin, the webhooks of
 * every configured channel and /healthz; polls Telegram and the Zalo Bot when no PUBLIC_URL is set.
 */
import 'dotenv/config';
import { ConfigError } from '../knowledge/config.ts';
import { logger } from '../knowledge/logger.ts';
import { StoreError } from '../knowledge/store/knowledge-store.ts';
import { adminDashboard } from './admin/plugin.ts';
import { openAssistant } from './assistant.ts';
import { ChannelConfigError, loadChannelConfig } from './channels/config.ts';
import { startApp } from './server/start.ts';
import { retentionDaysFromEnv, startDailyPurge } from './usage/retention.ts';

/** How often `knowledge/` is checked for changed files (FAQ drafts, edited lessons). */
const REFRESH_MS = 5 * 60_000;

async function main(): Promise<void> {
  const channelConfig = loadChannelConfig();
  const retentionDays = retentionDaysFromEnv();
  const assistant = await openAssistant();
  const { kb, db, conversation, config } = assistant;

  const titles = () => new Map(kb.store.documents().map((d) => [d.id, d.title]));
  let titleMap = titles();
  const app = await startApp({
    config: channelConfig,
    db,
    conversation,
    // Channel updates are worked on a worker thread with its own assistant (openConversation),
    // so that webhook acknowledgements never wait behind answers and platform calls.
    channelWorker: { conversationModule: new URL('./assistant.ts', import.meta.url).href },
    logger,
    trustProxy: process.env.TRUST_PROXY === 'true',
    plugins: [
      {
        plugin: adminDashboard,
        options: {
          prefix: '/admin',
          db,
          knowledgeDir: config.knowledgeDir,
          wardName: process.env.WARD_NAME,
          secureCookies: channelConfig.publicUrl?.startsWith('https://') || undefined,
          titleOf: (id: string) => titleMap.get(id),
        },
      },
    ],
  });
  const stopPurge = startDailyPurge(db, retentionDays);
  const refresher = setInterval(() => {
    assistant
      .refresh()
      .then(() => (titleMap = titles()))
      .catch((error: unknown) => logger.error({ err: (error as Error).message }, 'knowledge refresh failed'));
  }, REFRESH_MS);
  refresher.unref();
  console.error(`Trợ lý đang chạy: ${app.address.replace('0.0.0.0', 'localhost')} (trang quản trị: /admin)`);

  const stop = async () => {
    clearInterval(refresher);
    stopPurge();
    await app.stop();
    assistant.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof StoreError || error instanceof ChannelConfigError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
