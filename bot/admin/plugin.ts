import crypto from 'node:crypto';
import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logger } from '../../knowledge/logger.ts';
import type { StateDatabase } from '../state/database.ts';
import { dayOf, isoOfDay, parseIsoDay, type DayRange } from '../usage/days.ts';
import { UsageStats } from '../usage/stats.ts';
import { writeFaqDraft } from './faq-draft.ts';
import type { Html } from './html.ts';
import type { PageContext } from './layout.ts';
import {
  breakdownPage,
  faqFormPage,
  lessonsPage,
  loginPage,
  messagePage,
  overviewPage,
  topicsPage,
  unansweredPage,
  type FaqForm,
} from './pages.ts';
import { buildReport } from './report.ts';
import { reportToCsv, reportToXlsx } from './report-writers.ts';
import { SessionStore, sameToken, type Session } from './sessions.ts';
import { StaffAccounts } from './staff.ts';

export interface AdminOptions {
  db: StateDatabase;
  /** KNOWLEDGE_DIR: FAQ drafts are written into its faq/ folder. */
  knowledgeDir: string;
  /** WARD_NAME, printed in report headings. */
  wardName?: string;
  /** Force the Secure cookie flag (true when PUBLIC_URL is https); by default it follows the request protocol. */
  secureCookies?: boolean;
  /** Login attempts allowed per IP address in the window (default 10 per 15 minutes). */
  loginLimit?: { max: number; timeWindow: number | string };
  /** Title of a document or lesson id, for the topics and lessons pages. */
  titleOf?: (id: string) => string | undefined;
  sessionTtlMs?: number;
}

const SESSION_COOKIE = 'bdhvs_admin';
const LOGIN_COOKIE = 'bdhvs_admin_login';
const DEFAULT_DAYS = 30;
const MAX_DAYS = 3 * 366;

declare module 'fastify' {
  interface FastifyRequest {
    adminSession: Session | null;
  }
}

/**
 * The staff dashboard as a fastify plugin: register it with `{ prefix: '/admin' }`. Every route
 * but the login form needs a session; every POST carries a synchronizer CSRF token; pages send a
 * strict Content-Security-Policy with no script at all.
 */
export async function adminDashboard(app: FastifyInstance, options: AdminOptions): Promise<void> {
  const stats = new UsageStats(options.db);
  const staff = new StaffAccounts(options.db);
  const sessions = new SessionStore(options.db, options.sessionTtlMs);
  const base = app.prefix;
  const wardName = options.wardName ?? '';

  if (!app.hasReplyDecorator('setCookie')) await app.register(fastifyCookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(fastifyFormbody);
  if (!app.hasDecorator('rateLimit')) await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('adminSession', null);

  const cookieOptions = (request: FastifyRequest) => ({
    path: base,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secureCookies ?? request.protocol === 'https',
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    if (request.routeOptions.url === `${base}/login`) return;
    request.adminSession = sessions.find(request.cookies[SESSION_COOKIE]);
    if (request.adminSession) return;
    if (request.method === 'GET') return reply.redirect(`${base}/login`, 303);
    return sendPage(
      reply.code(401),
      messagePage('Cần đăng nhập', 'Phiên làm việc đã hết hạn. Bạn hãy đăng nhập lại.', {
        href: `${base}/login`,
        label: 'Đăng nhập',
      }),
    );
  });

  // Synchronizer token on every POST: the session's token, or before login the cookie's one.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const sent = (request.body as Record<string, unknown> | undefined)?.csrf;
    const expected = request.adminSession?.csrf ?? request.cookies[LOGIN_COOKIE];
    if (expected && sameToken(sent, expected)) return;
    logger.warn({ route: request.routeOptions.url }, 'admin request rejected: bad CSRF token');
    return sendPage(
      reply.code(403),
      messagePage(
        'Yêu cầu không hợp lệ',
        'Biểu mẫu đã cũ hoặc không hợp lệ. Bạn hãy tải lại trang rồi thử lại.',
        { href: `${base}/`, label: 'Về trang tổng quan' },
      ),
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error.statusCode === 429)
      return sendPage(
        reply.code(429),
        messagePage(
          'Tạm khóa đăng nhập',
          'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
          { href: `${base}/login`, label: 'Về trang đăng nhập' },
        ),
      );
    logger.error({ err: error.message }, 'admin page failed');
    return sendPage(
      reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 500),
      messagePage(
        'Có lỗi xảy ra',
        'Trang chưa hiển thị được. Bạn hãy thử lại; nếu vẫn lỗi, báo cho người quản trị hệ thống.',
        { href: `${base}/`, label: 'Về trang tổng quan' },
      ),
    );
  });

  app.setNotFoundHandler(async (_request, reply) =>
    sendPage(
      reply.code(404),
      messagePage('Không tìm thấy trang', 'Trang bạn mở không có.', {
        href: `${base}/`,
        label: 'Về trang tổng quan',
      }),
    ),
  );

  app.get('/login', async (request, reply) => {
    if (sessions.find(request.cookies[SESSION_COOKIE])) return reply.redirect(`${base}/`, 303);
    return sendPage(reply, loginPage(base, loginToken(request, reply, cookieOptions(request))));
  });

  app.post(
    '/login',
    {
      config: {
        rateLimit: {
          max: options.loginLimit?.max ?? 10,
          timeWindow: options.loginLimit?.timeWindow ?? '15 minutes',
          errorResponseBuilder: () =>
            Object.assign(new Error('too many login attempts'), { statusCode: 429 }),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as Record<string, unknown>;
      if (
        typeof username !== 'string' ||
        typeof password !== 'string' ||
        !staff.verify(username.trim(), password)
      ) {
        logger.warn('admin login failed');
        return sendPage(
          reply.code(401),
          loginPage(
            base,
            loginToken(request, reply, cookieOptions(request)),
            'Tên đăng nhập hoặc mật khẩu không đúng.',
          ),
        );
      }
      const { token } = sessions.create(username.trim());
      reply.clearCookie(LOGIN_COOKIE, { path: base });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
      logger.info('admin login');
      return reply.redirect(`${base}/`, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    sessions.destroy(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: base });
    return reply.redirect(`${base}/login`, 303);
  });

  const context = (request: FastifyRequest): PageContext => {
    const query = request.query as Record<string, unknown>;
    const body = (request.body ?? {}) as Record<string, unknown>;
    return {
      base,
      csrf: request.adminSession!.csrf,
      username: request.adminSession!.username,
      range: rangeOf(query.from ?? body.from, query.to ?? body.to),
    };
  };

  app.get('/', async (request, reply) => sendPage(reply, overviewPage(stats, context(request))));
  app.get('/breakdown', async (request, reply) => sendPage(reply, breakdownPage(stats, context(request))));
  app.get('/topics', async (request, reply) => sendPage(reply, topicsPage(stats, context(request), options)));
  app.get('/lessons', async (request, reply) =>
    sendPage(reply, lessonsPage(stats, context(request), options)),
  );
  app.get('/unanswered', async (request, reply) => {
    const ctx = context(request);
    const saved = (request.query as Record<string, unknown>).saved;
    return sendPage(
      reply,
      unansweredPage(stats.unanswered(ctx.range), ctx, typeof saved === 'string' ? saved : undefined),
    );
  });

  app.get('/faq/new', async (request, reply) => {
    const ctx = context(request);
    const key = (request.query as Record<string, unknown>).key;
    const group = stats.unanswered(ctx.range, 400).find((g) => g.key === key);
    return sendPage(reply, faqFormPage(group, ctx));
  });

  app.post('/faq', async (request, reply) => {
    const ctx = context(request);
    const body = request.body as Record<string, unknown>;
    const form: FaqForm = {
      title: String(body.title ?? '')
        .trim()
        .slice(0, 200),
      answer: String(body.answer ?? '')
        .trim()
        .slice(0, 5000),
      keywords: String(body.keywords ?? '').slice(0, 300),
    };
    if (!form.title || !form.answer)
      return sendPage(
        reply.code(400),
        faqFormPage(undefined, ctx, 'Bạn hãy nhập cả câu hỏi và câu trả lời.', form),
      );
    const file = writeFaqDraft(options.knowledgeDir, {
      title: form.title,
      answer: form.answer,
      keywords: form.keywords.split(','),
    });
    logger.info({ file }, 'faq draft written');
    return reply.redirect(
      `${base}/unanswered?from=${isoOfDay(ctx.range.from)}&to=${isoOfDay(ctx.range.to)}&saved=${encodeURIComponent(file)}`,
      303,
    );
  });

  const report = (request: FastifyRequest) => {
    const { range } = context(request);
    return { range, report: buildReport(stats, range, { wardName, titleOf: options.titleOf }) };
  };
  app.get('/report.xlsx', async (request, reply) => {
    const { range, report: data } = report(request);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="${fileName(range)}.xlsx"`);
    return reply.send(await reportToXlsx(data));
  });
  app.get('/report.csv', async (request, reply) => {
    const { range, report: data } = report(request);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${fileName(range)}.csv"`);
    return reply.send(reportToCsv(data));
  });
}

function sendPage(reply: FastifyReply, page: Html): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page.value);
}

/** The pre-login CSRF token: kept in a SameSite=Strict cookie and echoed in the form. */
function loginToken(request: FastifyRequest, reply: FastifyReply, cookie: CookieSerializeOptions): string {
  const existing = request.cookies[LOGIN_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = crypto.randomBytes(32).toString('base64url');
  reply.setCookie(LOGIN_COOKIE, token, cookie);
  return token;
}

function fileName(range: DayRange): string {
  return `bao-cao-binh-dan-hoc-vu-so_${isoOfDay(range.from)}_${isoOfDay(range.to)}`;
}

/** The requested date range; the last 30 days when absent or invalid; at most about 3 years. */
export function rangeOf(from: unknown, to: unknown, today = dayOf(new Date())): DayRange {
  let end = (typeof to === 'string' && parseIsoDay(to)) || today;
  let start = (typeof from === 'string' && parseIsoDay(from)) || end - (DEFAULT_DAYS - 1);
  if (start > end) [start, end] = [end, start];
  return { from: Math.max(start, end - MAX_DAYS), to: end };
}
