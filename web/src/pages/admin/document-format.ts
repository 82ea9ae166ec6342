/** "3f2a9c0d1e…b7c4e1": enough to compare by eye; the full hash is in the tooltip and copy. */
export function shortHash(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 12)}…${sha256.slice(-6)}` : sha256;
}

export function formatBytes(bytes: number, language: string): string {
  const units = [
    ['megabyte', 1024 * 1024],
    ['kilobyte', 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte' }).format(bytes);
}
