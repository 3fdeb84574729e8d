import { isoOfDay, type DayRange } from '../usage/days.ts';
import { html, trusted, type Html } from './html.ts';

export const NAV = [
  ['', 'Tổng quan'],
  ['breakdown', 'Phân tích'],
  ['topics', 'Chủ đề'],
  ['lessons', 'Bài học'],
  ['unanswered', 'Câu hỏi chưa trả lời'],
] as const;

export const CSS = `
:root { --ink: #1f2937; --muted: #4b5563; --line: #d1d5db; --bg: #f8fafc; --accent: #1d4ed8; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { background: #fff; border-bottom: 1px solid var(--line); padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
header strong { font-size: 1.1rem; margin-right: auto; }
nav a { color: var(--accent); margin-right: 1rem; text-decoration: none; padding: .25rem 0; }
nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid var(--accent); }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .75rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
.card b { display: block; font-size: 1.5rem; } .card span { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; background: #fff; margin-bottom: 1rem; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef2ff; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
form.range { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input, textarea, select { font: inherit; padding: .4rem .5rem; border: 1px solid #9ca3af; border-radius: 6px; }
textarea { width: 100%; min-height: 8rem; } input[type=text], input[type=password] { width: 100%; }
button, .button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: .45rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.link { background: none; color: var(--accent); padding: 0; text-decoration: underline; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.chart { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; margin-bottom: 1rem; }
.error { color: var(--bad); font-weight: 600; } .ok { color: #166534; font-weight: 600; }
.login { max-width: 380px; margin: 4rem auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.5rem; }
.login p { margin: 0 0 1rem; } .muted { color: var(--muted); }
.field { margin-bottom: 1rem; }
`;

export interface PageContext {
  /** Mount point of the plugin, "/admin". */
  base: string;
  csrf: string;
  username: string;
  range: DayRange;
}

export function rangeQuery(range: DayRange): string {
  return `from=${isoOfDay(range.from)}&to=${isoOfDay(range.to)}`;
}

/** The page shell: header with navigation and logout, the date-range filter, the content. */
export function page(title: string, current: string, ctx: PageContext, body: Html, filter = true): Html {
  const query = rangeQuery(ctx.range);
  return document(
    title,
    html`<header>
        <strong>Bình dân học vụ số – Bảng theo dõi</strong>
        <nav aria-label="Các trang">
          ${NAV.map(
            ([path, name]) =>
              html`<a href="${ctx.base}/${path}?${query}" ${current === path ? html`aria-current="page"` : ''}
                >${name}</a
              >`,
          )}
        </nav>
        <form method="post" action="${ctx.base}/logout">
          <input type="hidden" name="csrf" value="${ctx.csrf}" />
          <span class="muted">${ctx.username}</span> <button class="link" type="submit">Đăng xuất</button>
        </form>
      </header>
      <main>
        <h1>${title}</h1>
        ${
          filter
            ? html`<form class="range" method="get" action="${ctx.base}/${current}">
                <div>
                  <label for="from">Từ ngày</label
                  ><input id="from" type="date" name="from" value="${isoOfDay(ctx.range.from)}" />
                </div>
                <div>
                  <label for="to">Đến ngày</label
                  ><input id="to" type="date" name="to" value="${isoOfDay(ctx.range.to)}" />
                </div>
                <button type="submit">Xem</button>
                <a class="button" href="${ctx.base}/report.xlsx?${query}">Tải báo cáo Excel</a>
                <a class="button" href="${ctx.base}/report.csv?${query}">Tải CSV</a>
              </form>`
            : ''
        }
        ${body}
      </main>`,
  );
}

export function document(title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – Bình dân học vụ số</title>
        <style>
          ${trusted(CSS)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}
