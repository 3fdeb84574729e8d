/** What every document parser returns: text for chunking, metadata, and any tables it saw. */
export interface ParsedDocument {
  /** From front-matter `title`, the first heading, `<title>`, document properties, or the file name. */
  title: string;
  /**
   * The body as light Markdown: `#` headings kept, list items as `- ` / `1. `, paragraphs separated
   * by a blank line, tables rendered as pipe rows. NFC-normalized. Front-matter removed.
   */
  text: string;
  /** Front-matter fields (Markdown) or document properties (docx/pdf/html meta); may be empty. */
  meta: Record<string, unknown>;
  /** Every table found, as rows of trimmed cell texts (merged cells appear once). */
  tables: string[][][];
}

/** A parser reads one file's bytes; it throws an Error whose message says why it cannot. */
export type Parser = (bytes: Buffer, fileName: string) => Promise<ParsedDocument>;
