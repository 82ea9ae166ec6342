/** File helpers: upload screening (document slots, logo), sizes (partner and admin), downloads (export). */

const extensionTypes: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * A quick client-side screen so nobody waits for a 10 MB upload to be refused. The service
 * decides from the bytes, so a renamed file that passes here is still refused there.
 */
export function fileProblem(file: File, maxBytes: number, allowed: readonly string[]): string | null {
  if (file.size > maxBytes) return 'file_too_large';
  const type = file.type || extensionTypes[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';
  return allowed.includes(type) ? null : 'unsupported_file_type';
}

export function formatBytes(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** Saves a blob under a file name through a temporary object URL and <a download>. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
