/**
 * Index of the last entry of an ascending list that is ≤ `value` (0 when none is). Line starts, mirror lines and
 * sentence starts all need this lookup, in the core and in the extension's adapters alike.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
