import type { PlatformApi } from '../../scripts/all-in-one/platform-api.ts';

/**
 * Holds a demo package for `adults` on the first day between `fromDays` and `toDays` ahead that
 * the package can still sell (a fitting slot per timed line), as the portal's booking page
 * would; the booking's id. Throws, naming each refusal, when no demo package can be booked.
 */
export async function bookDemoPackage(
  api: PlatformApi,
  token: string,
  options: { adults: number; fromDays: number; toDays: number },
): Promise<string> {
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [from, to, adults] = [day(options.fromDays), day(options.toDays), options.adults];
  const list = (await (await api('GET', '/api/packages?pageSize=10')).json()) as { items: { id: string }[] };
  const refused: string[] = [];
  for (const pkg of list.items) {
    const availability = (await (
      await api('GET', `/api/packages/${pkg.id}/availability?from=${from}&to=${to}&adult=${adults}`)
    ).json()) as { days?: { date: string; bookable: boolean }[] };
    const open = availability.days?.find((d) => d.bookable);
    if (!open) continue;
    const times = (await (
      await api('GET', `/api/packages/${pkg.id}/slots?date=${open.date}&adult=${adults}`)
    ).json()) as {
      lines?: { position: number; slots: { availabilityId: string; fits: boolean }[] }[];
    };
    const slots: Record<string, string> = {};
    for (const line of times.lines ?? []) {
      const slot = line.slots.find((s) => s.fits);
      if (slot) slots[String(line.position)] = slot.availabilityId;
    }
    const booked = await api('POST', `/api/packages/${pkg.id}/book`, token, {
      date: open.date,
      party: { adult: adults },
      slots,
    });
    if (booked.status === 201) return ((await booked.json()) as { id: string }).id;
    refused.push(`${pkg.id}: ${booked.status} ${await booked.text()}`);
  }
  throw new Error(`no demo package could be booked:\n${refused.join('\n')}`);
}
