/**
 * Ranks from 1 for the smallest value; tied values share the mean of the
 * ranks they span.
 */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index }));
  order.sort((a, b) => a.value - b.value);

  const result = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const shared = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) result[order[i]?.index ?? 0] = shared;
    start = end + 1;
  }
  return result;
}
