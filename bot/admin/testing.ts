import Fastify, { type FastifyInstance } from 'fastify';
import type { StateDatabase } from '../state/database.ts';
import { adminDashboard, type AdminOptions } from './plugin.ts';
import { StaffAccounts } from './staff.ts';

export const STAFF = { username: 'canbo.vhxh', password: 'mat-khau-rat-dai-2026' };

/** A fastify app with the dashboard at /admin and one staff account. */
export async function dashboardApp(
  db: StateDatabase,
  options: Partial<AdminOptions> & { knowledgeDir: string },
): Promise<FastifyInstance> {
  const staff = new StaffAccounts(db);
  if (!staff.list().some((s) => s.username === STAFF.username)) staff.add(STAFF.username, STAFF.password);
  const app = Fastify({ logger: false });
  await app.register(adminDashboard, { db, wardName: 'Phú Lợi', ...options, prefix: '/admin' });
  await app.ready();
  return app;
}

/** The value of a hidden csrf field in a page. */
export function csrfOf(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no csrf field in the page');
  return match[1]!;
}

/** "name=value" pairs of the response's Set-Cookie headers, for the next request's Cookie header. */
export function cookiesOf(setCookie: string | string[] | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

/** Logs in through the form, as a browser would; returns the session cookie and the CSRF token. */
export async function logIn(
  app: FastifyInstance,
  credentials = STAFF,
): Promise<{ cookie: string; csrf: string; status: number }> {
  const form = await app.inject({ method: 'GET', url: '/admin/login' });
  const loginCookie = cookiesOf(form.headers['set-cookie']);
  const response = await app.inject({
    method: 'POST',
    url: '/admin/login',
    cookies: loginCookie,
    payload: new URLSearchParams({ ...credentials, csrf: csrfOf(form.body) }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const session = cookiesOf(response.headers['set-cookie']).bdhvs_admin;
  if (!session) return { cookie: '', csrf: '', status: response.statusCode };
  const home = await app.inject({ method: 'GET', url: '/admin/', cookies: { bdhvs_admin: session } });
  return { cookie: session, csrf: csrfOf(home.body), status: response.statusCode };
}
