// Requests held open by the "timeout" fault; released (and their sockets destroyed) on close.
export class HangRegistry {
  private readonly pending = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.pending.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.pending.add(release);
    });
  }

  releaseAll(): void {
    for (const release of [...this.pending]) release();
  }
}
