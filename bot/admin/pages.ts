import { isoOfDay, vietnameseDate } from '../usage/days.ts';
import type { QuestionGroup } from '../usage/question-groups.ts';
import { DIMENSIONS, type UsageStats } from '../usage/stats.ts';
import { barChart, lineChart } from './charts.ts';
import { html, type Html } from './html.ts';
import { DIMENSION_TITLES, dimensionValueLabel, intentLabel, number, percent } from './labels.ts';
import { document, page, rangeQuery, type PageContext } from './layout.ts';
import { breakdownTable, type ReportTable } from './report.ts';

/** The dashboard pages: each reads UsageStats for the chosen range and returns the whole page. */

export interface PageOptions {
  titleOf?: (id: string) => string | undefined;
}

const card = (label: string, value: string) =>
  html`<div class="card"><b>${value}</b><span>${label}</span></div>`;

function table(t: ReportTable): Html {
  return html`<table>
    <caption class="muted" style="text-align:left">
      ${t.title}
    </caption>
    <thead>
      <tr>
        ${t.columns.map((c) => html`<th scope="col">${c.header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${
        t.rows.length
          ? t.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((v, i) => {
                    const kind = t.columns[i]?.kind;
                    if (v === null) return html`<td class="n">–</td>`;
                    if (kind === 'percent') return html`<td class="n">${percent(Number(v), 1)}</td>`;
                    if (kind === 'number') return html`<td class="n">${number(Number(v))}</td>`;
                    return html`<td>${v}</td>`;
                  })}
                </tr>`,
            )
          : html`<tr>
              <td colspan="${t.columns.length}" class="muted">Chưa có dữ liệu trong khoảng thời gian này.</td>
            </tr>`
      }
    </tbody>
  </table>`;
}

export function overviewPage(stats: UsageStats, ctx: PageContext): Html {
  const o = stats.overview(ctx.range);
  const labels = o.days.map((d) => vietnameseDate(d.day).slice(0, 5));
  return page(
    'Tổng quan',
    '',
    ctx,
    html`<div class="cards">
        ${card('Lượt hỏi', number(o.questions))}
        ${card('Tỉ lệ trả lời được', percent(o.answered, o.questions))}
        ${card('Người dùng trong kỳ', number(o.activeUsers))}
        ${card('Người dùng ngày cuối kỳ', number(o.dailyActive))}
        ${card('Người dùng 7 ngày cuối kỳ', number(o.weeklyActive))}
        ${card('Người dùng 30 ngày cuối kỳ', number(o.monthlyActive))}
        ${card('Hài lòng / chưa hài lòng', `${number(o.feedbackUp)} / ${number(o.feedbackDown)}`)}
        ${card('Thời gian trả lời (trung vị)', o.medianLatencyMs === null ? '–' : `${number(o.medianLatencyMs)} ms`)}
        ${card('Lượt hỏi ẩn danh (chỉ đếm)', number(o.anonymous))}
      </div>
      <h2>Lượt hỏi và người dùng theo ngày</h2>
      ${lineChart('Biểu đồ lượt hỏi, lượt trả lời được và người dùng theo ngày', labels, [
        { name: 'Lượt hỏi', values: o.days.map((d) => d.questions) },
        { name: 'Trả lời được', values: o.days.map((d) => d.answered) },
        { name: 'Người dùng', values: o.days.map((d) => d.activeUsers) },
      ])}
      <p class="muted">
        Người dùng chỉ tính những người đã đồng ý lưu dữ liệu; lượt hỏi của người không đồng ý chỉ được đếm,
        không lưu nội dung.
      </p>`,
  );
}

export function breakdownPage(stats: UsageStats, ctx: PageContext): Html {
  const breakdowns = stats.breakdowns(ctx.range);
  const sections = DIMENSIONS.map((dimension) => {
    const rows = breakdowns[dimension];
    const labels = rows.map((r) => dimensionValueLabel(dimension, r.value));
    return html`<h2>${DIMENSION_TITLES[dimension]}</h2>
      ${
        rows.length
          ? barChart(`Biểu đồ ${DIMENSION_TITLES[dimension].toLowerCase()}`, labels, [
              { name: 'Lượt hỏi', values: rows.map((r) => r.questions) },
              { name: 'Người dùng', values: rows.map((r) => r.activeUsers) },
            ])
          : ''
      }
      ${table(breakdownTable(dimension, rows))}`;
  });
  return page('Phân tích theo kênh, nhóm, trình độ và tổ dân phố', 'breakdown', ctx, html`${sections}`);
}

export function topicsPage(stats: UsageStats, ctx: PageContext, options: PageOptions): Html {
  const t = stats.topics(ctx.range, 20);
  const titleOf = (id: string) => options.titleOf?.(id) ?? id;
  return page(
    'Chủ đề được hỏi nhiều',
    'topics',
    ctx,
    html`<h2>Theo loại câu hỏi</h2>
      ${
        t.intents.length
          ? barChart(
              'Biểu đồ lượt hỏi theo loại câu hỏi',
              t.intents.map((i) => intentLabel(i.intent)),
              [
                { name: 'Lượt hỏi', values: t.intents.map((i) => i.questions) },
                { name: 'Trả lời được', values: t.intents.map((i) => i.answered) },
              ],
            )
          : ''
      }
      <h2>Tài liệu, bài học được dùng để trả lời nhiều nhất</h2>
      ${
        t.sources.length
          ? barChart(
              'Biểu đồ tài liệu được trích dẫn',
              t.sources.map((s) => titleOf(s.id)),
              [{ name: 'Số lần', values: t.sources.map((s) => s.cited) }],
            )
          : html`<p class="muted">Chưa có dữ liệu trong khoảng thời gian này.</p>`
      }`,
  );
}

export function lessonsPage(stats: UsageStats, ctx: PageContext, options: PageOptions): Html {
  const lessons = stats.lessons(ctx.range);
  const titleOf = (id: string) => options.titleOf?.(id) ?? id;
  const top = lessons.slice(0, 20);
  return page(
    'Bài học: gợi ý, bắt đầu, hoàn thành',
    'lessons',
    ctx,
    html`${
        top.length
          ? barChart(
              'Biểu đồ bài học bắt đầu và hoàn thành',
              top.map((l) => titleOf(l.lessonId)),
              [
                { name: 'Bắt đầu', values: top.map((l) => l.started) },
                { name: 'Hoàn thành', values: top.map((l) => l.finished) },
              ],
            )
          : ''
      }
      <table>
        <thead>
          <tr>
            <th scope="col">Bài học</th>
            <th scope="col">Được gợi ý</th>
            <th scope="col">Bắt đầu</th>
            <th scope="col">Hoàn thành</th>
            <th scope="col">Tỉ lệ hoàn thành</th>
            <th scope="col">Điểm tự kiểm tra trung bình</th>
          </tr>
        </thead>
        <tbody>
          ${
            lessons.length
              ? lessons.map(
                  (l) =>
                    html`<tr>
                      <td>${titleOf(l.lessonId)}</td>
                      <td class="n">${number(l.suggested)}</td>
                      <td class="n">${number(l.started)}</td>
                      <td class="n">${number(l.finished)}</td>
                      <td class="n">${percent(l.finished, l.started)}</td>
                      <td class="n">${l.averageScore === null ? '–' : percent(l.averageScore, 1)}</td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="6" class="muted">Chưa có dữ liệu trong khoảng thời gian này.</td>
                </tr>`
          }
        </tbody>
      </table>`,
  );
}

export function unansweredPage(groups: QuestionGroup[], ctx: PageContext, saved?: string): Html {
  const query = rangeQuery(ctx.range);
  return page(
    'Câu hỏi chưa trả lời được',
    'unanswered',
    ctx,
    html`${
        saved
          ? html`<p class="ok" role="status">
              Đã lưu bản nháp hỏi đáp ${saved}. Lần nạp dữ liệu tới (npm run ingest) sẽ đưa vào trợ lý.
            </p>`
          : ''
      }
      <p class="muted">
        Các câu hỏi giống nhau (khác dấu, viết tắt, thứ tự từ) được gộp thành một nhóm. Thông tin cá nhân đã
        được che trước khi lưu.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Câu hỏi</th>
            <th scope="col">Số lượt</th>
            <th scope="col">Lần gần nhất</th>
            <th scope="col">Soạn hỏi đáp</th>
          </tr>
        </thead>
        <tbody>
          ${
            groups.length
              ? groups.map(
                  (g) =>
                    html`<tr>
                      <td>
                        <ul>
                          ${g.examples.map((e) => html`<li class="question">${e}</li>`)}
                        </ul>
                      </td>
                      <td class="n">${number(g.count)}</td>
                      <td>${vietnameseDate(g.lastDay)}</td>
                      <td>
                        <a href="${ctx.base}/faq/new?${query}&key=${encodeURIComponent(g.key)}"
                          >Soạn câu trả lời</a
                        >
                      </td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="4" class="muted">
                    Không có câu hỏi nào chưa trả lời trong khoảng thời gian này.
                  </td>
                </tr>`
          }
        </tbody>
      </table>`,
  );
}

export function faqFormPage(
  group: QuestionGroup | undefined,
  ctx: PageContext,
  error?: string,
  values?: FaqForm,
): Html {
  const title = values?.title ?? group?.examples[0] ?? '';
  return page(
    'Soạn bản nháp hỏi đáp',
    'unanswered',
    ctx,
    html`${
        group
          ? html`<p>Nhóm câu hỏi (${number(group.count)} lượt):</p>
              <ul>
                ${group.examples.map((e) => html`<li class="question">${e}</li>`)}
              </ul>`
          : ''
      }
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="${ctx.base}/faq">
        <input type="hidden" name="csrf" value="${ctx.csrf}" />
        <input type="hidden" name="from" value="${isoOfDay(ctx.range.from)}" />
        <input type="hidden" name="to" value="${isoOfDay(ctx.range.to)}" />
        <div class="field">
          <label for="title">Câu hỏi (tiêu đề)</label>
          <input id="title" type="text" name="title" required maxlength="200" value="${title}" />
        </div>
        <div class="field">
          <label for="answer">Câu trả lời (câu ngắn, các bước đánh số 1., 2., 3.)</label>
          <textarea id="answer" name="answer" required maxlength="5000">${values?.answer ?? ''}</textarea>
        </div>
        <div class="field">
          <label for="keywords">Từ khóa (cách nhau bằng dấu phẩy)</label>
          <input
            id="keywords"
            type="text"
            name="keywords"
            maxlength="300"
            value="${values?.keywords ?? ''}"
          />
        </div>
        <button type="submit">Lưu bản nháp</button>
      </form>`,
    false,
  );
}

export interface FaqForm {
  title: string;
  answer: string;
  keywords: string;
}

export function loginPage(base: string, csrf: string, error?: string): Html {
  return document(
    'Đăng nhập',
    html`<main class="login">
      <h1>Đăng nhập</h1>
      <p class="muted">Bảng theo dõi trợ lý Bình dân học vụ số, dành cho cán bộ phường.</p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="${base}/login">
        <input type="hidden" name="csrf" value="${csrf}" />
        <div class="field">
          <label for="username">Tên đăng nhập</label>
          <input id="username" type="text" name="username" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="password">Mật khẩu</label>
          <input id="password" type="password" name="password" autocomplete="current-password" required />
        </div>
        <button type="submit">Đăng nhập</button>
      </form>
    </main>`,
  );
}

export function messagePage(title: string, message: string, link?: { href: string; label: string }): Html {
  return document(
    title,
    html`<main class="login">
      <h1>${title}</h1>
      <p>${message}</p>
      ${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : ''}
    </main>`,
  );
}
