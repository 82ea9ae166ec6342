/**
 * RFC 4180 CSV: CRLF line ends, every field that needs it quoted with doubled quotes. A cell a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading quote
 * mark — except plain numbers such as '-12.50', which must stay numbers.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map((cell) => csvField(cell)).join(',')).join('\r\n') + '\r\n';
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(cell: string | number | null | undefined): string {
  let text = cell === null || cell === undefined ? '' : String(cell);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
