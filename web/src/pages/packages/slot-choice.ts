import type { PackageSlots } from '@contracts/http';

/** Lines whose day has several start times: the traveller must pick one (else `slot_required`). */
export function linesNeedingChoice(slots: PackageSlots | undefined): PackageSlots['lines'] {
  return (slots?.lines ?? []).filter((line) => line.slots.length > 1);
}

/**
 * The choice kept valid for new slot data: a chosen slot that no longer fits is dropped; a
 * line with exactly one fitting time gets it.
 */
export function settleChoice(slots: PackageSlots | undefined, chosen: Record<string, string>): Record<string, string> {
  const next: Record<string, string> = {};
  for (const line of linesNeedingChoice(slots)) {
    const key = String(line.position);
    const fitting = line.slots.filter((slot) => slot.fits);
    const current = fitting.find((slot) => slot.availabilityId === chosen[key]);
    if (current) next[key] = current.availabilityId;
    else if (fitting.length === 1) next[key] = fitting[0]!.availabilityId;
  }
  return next;
}
