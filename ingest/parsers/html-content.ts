/**
 * The HTML → light Markdown path shared by the .html and .docx parsers (mammoth turns a .docx
 * into HTML first), so both give the same headings, lists and pipe tables.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler'; // cheerio's own node types
import TurndownService from 'turndown';
import { highlightedCodeBlock, strikethrough, taskListItems } from 'turndown-plugin-gfm';
import { normalizeText } from './normalize.ts';

/** Elements with no body text worth indexing (menus, scripts, embedded media). */
const DROPPED = 'script, style, nav, footer, noscript, template, iframe, svg, canvas';

/** Elements whose boundaries are line breaks inside a table cell. */
const BLOCKS = 'p, div, li, h1, h2, h3, h4, h5, h6, blockquote, pre, tr, table, ul, ol, dl, dt, dd';

/** Stands for a line break while whitespace from the HTML source is collapsed. */
const BREAK = '\uE000';

/** The few DOM members used below (turndown's nodes are DOM nodes; the project has no DOM lib). */
interface DomElement {
  nodeName: string;
  parentNode: DomElement | null;
  nextSibling: unknown;
  children: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '_',
});
turndown.use([strikethrough, taskListItems, highlightedCodeBlock]);
// Turndown escapes Markdown characters in text (`1\.`, `\_`); the text feeds search and a
// language model, where the backslashes are noise and a typed "1. " really is a list item.
turndown.escape = (text: string) => text;
// Turndown pads list markers (`-   `, `1.  `); the ParsedDocument contract is `- ` and `1. `.
turndown.addRule('listItem', {
  filter: 'li',
  replacement(content, node) {
    const item = node as unknown as DomElement;
    const parent = item.parentNode;
    let prefix = '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? '1') || 1;
      prefix = `${start + Array.prototype.indexOf.call(parent.children, item)}. `;
    }
    // As turndown's own rule: a loose item (one holding <p>s) keeps a trailing newline.
    const loose = content.endsWith('\n');
    const body = content.replace(/^\n+|\n+$/g, '') + (loose ? '\n' : '');
    return prefix + body.replace(/\n/g, `\n${' '.repeat(prefix.length)}`) + (item.nextSibling ? '\n' : '');
  },
});
// Tables are rendered from the rows already extracted (see `htmlContent`): the gfm plugin's own
// rule keeps header-less tables (all of mammoth's) as raw HTML and breaks on multi-line cells.
turndown.addRule('pipeTable', {
  filter: 'table',
  replacement: (_content, node) =>
    `\n\n${(node as unknown as DomElement).getAttribute('data-pipe-table') ?? ''}\n\n`,
});

/** Body text as light Markdown and every table's rows, from a loaded HTML document. */
export function htmlContent($: CheerioAPI): { text: string; tables: string[][][] } {
  $(DROPPED).remove();
  // A data: URI image would put kilobytes of base64 into the text; without src turndown drops it.
  $('img[src^="data:"]').removeAttr('src');

  const tables: string[][][] = [];
  $('table').each((_, table) => {
    const rows = tableRows($, $(table));
    tables.push(rows);
    $(table).attr('data-pipe-table', pipeTable(rows));
  });

  // cheerio's load() always builds <body>, even for a fragment such as mammoth's output.
  return { text: normalizeText(turndown.turndown($('body').html() ?? '')), tables };
}

/** A table's own rows (not those of tables nested in its cells), as trimmed cell texts. */
function tableRows($: CheerioAPI, table: Cheerio<Element>): string[][] {
  const own = table.get(0);
  return table
    .find('tr')
    .filter((_, tr) => $(tr).closest('table').get(0) === own)
    .map((_, tr) => [
      $(tr)
        .children('td, th')
        .map((_, cell) => cellText($(cell)))
        .get(),
    ])
    .get();
}

/** A cell's text: whitespace collapsed, each paragraph or `<br>` line on a line of its own. */
function cellText(cell: Cheerio<Element>): string {
  const copy = cell.clone();
  copy.find('br').replaceWith(BREAK);
  copy.find(BLOCKS).before(BREAK).after(BREAK);
  return copy
    .text()
    .replace(/\s+/g, ' ')
    .split(BREAK)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
    .normalize('NFC');
}

/** Rows as a GitHub pipe table; the first row is the header, as Markdown requires one. */
export function pipeTable(rows: string[][]): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return '';
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|').replace(/\n/g, '<br>')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(Array<string>(width).fill('---')), ...body.map(line)].join('\n');
}
