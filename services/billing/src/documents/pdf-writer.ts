import PDFDocument from 'pdfkit';

export interface PdfColumn {
  label: string;
  /** Share of the usable width (the widths of a table add up to 1). */
  width: number;
  align?: 'left' | 'right';
}

export type PdfRow = readonly string[];

const MARGIN = 48;
const LINE = 14;
const ORANGE = '#FF6600';
const GREY = '#333333';

/** Characters the standard PDF fonts can show (WinAnsi: Latin-1 plus € – — ‘ ’ “ ” • …); others print '?'. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function pdfSafe(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '\u00a0' || ch === '\u202f') return ' ';
      return (code >= 0x20 && code <= 0xff && !(code >= 0x7f && code < 0xa0)) || WIN_ANSI_EXTRA.includes(ch) ? ch : '?';
    })
    .join('');
}

/**
 * A small layout helper over pdfkit for the platform's documents: a title band, label/value
 * pairs, tables that continue on the next page with their header, notes. Helvetica only.
 */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private y = MARGIN;

  constructor(title: string, options: { compress?: boolean } = {}) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      compress: options.compress ?? true,
      info: { Title: pdfSafe(title) },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica');
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private ensure(height: number): void {
    if (this.y + height > this.doc.page.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  private write(
    text: string,
    x: number,
    width: number,
    opts: { bold?: boolean; size?: number; align?: 'left' | 'right'; color?: string } = {},
  ): number {
    this.doc
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(opts.size ?? 9)
      .fillColor(opts.color ?? GREY);
    const safe = pdfSafe(text);
    const height = this.doc.heightOfString(safe, { width, align: opts.align ?? 'left' });
    this.doc.text(safe, x, this.y, { width, align: opts.align ?? 'left', lineBreak: true });
    return height;
  }

  header(issuer: string, title: string): this {
    this.doc.rect(0, 0, this.doc.page.width, 6).fill(ORANGE);
    this.write(issuer, MARGIN, this.width, { bold: true, size: 12, color: ORANGE });
    this.y += 18;
    this.write(title, MARGIN, this.width, { bold: true, size: 18 });
    this.y += 30;
    return this;
  }

  fields(pairs: readonly (readonly [string, string])[]): this {
    for (const [label, value] of pairs) {
      this.ensure(LINE);
      this.write(label, MARGIN, 150, { bold: true });
      const h = this.write(value, MARGIN + 150, this.width - 150);
      this.y += Math.max(LINE, h + 3);
    }
    this.y += 8;
    return this;
  }

  section(title: string): this {
    this.ensure(LINE * 3);
    this.write(title, MARGIN, this.width, { bold: true, size: 11, color: ORANGE });
    this.y += LINE + 4;
    return this;
  }

  table(columns: readonly PdfColumn[], rows: readonly PdfRow[], options: { boldLast?: boolean } = {}): this {
    const xs = columnPositions(columns, this.width);
    const row = (cells: readonly string[], bold: boolean) => {
      const heights = columns.map((c, i) => {
        this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
        return this.doc.heightOfString(pdfSafe(cells[i] ?? ''), { width: xs[i]!.width - 4 });
      });
      const height = Math.max(LINE, ...heights.map((h) => h + 4));
      if (this.y + height > this.doc.page.height - MARGIN) {
        this.doc.addPage();
        this.y = MARGIN;
        if (!bold) printHeader();
      }
      columns.forEach((c, i) =>
        this.write(cells[i] ?? '', xs[i]!.x, xs[i]!.width - 4, { bold, size: 8, align: c.align ?? 'left' }),
      );
      this.y += height;
    };
    const printHeader = () => {
      row(
        columns.map((c) => c.label),
        true,
      );
      this.doc
        .moveTo(MARGIN, this.y - 2)
        .lineTo(MARGIN + this.width, this.y - 2)
        .strokeColor(ORANGE)
        .stroke();
    };
    printHeader();
    rows.forEach((cells, index) => row(cells, Boolean(options.boldLast) && index === rows.length - 1));
    this.y += 10;
    return this;
  }

  note(text: string): this {
    this.ensure(LINE * 2);
    const h = this.write(text, MARGIN, this.width, { size: 8 });
    this.y += h + 6;
    return this;
  }

  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}

function columnPositions(columns: readonly PdfColumn[], width: number): { x: number; width: number }[] {
  let x = MARGIN;
  return columns.map((c) => {
    const w = c.width * width;
    const position = { x, width: w };
    x += w;
    return position;
  });
}
