/**
 * Binary search for the partition point: the first index whose item satisfies `after`, for a predicate that is
 * false and then true along the array (as in C++'s std::partition_point); `items.length` when none does.
 * The one binary search the model and the rules share.
 */
export function partitionPoint<T>(items: ArrayLike<T>, after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
