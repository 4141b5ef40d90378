/** The `max` slots with the highest priorities, best first, through a small min-heap. */
export function topSlots(
  slots: ArrayLike<number>,
  count: number,
  priority: Float64Array,
  max: number,
): number[] {
  const heap: number[] = [];
  const less = (i: number, j: number) => priority[heap[i]] < priority[heap[j]];
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let k = 0; k < count; k++) {
    const slot = slots[k];
    if (heap.length < max) {
      heap.push(slot);
      let i = heap.length - 1;
      while (i > 0 && less(i, (i - 1) >> 1)) {
        swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
    } else if (priority[slot] > priority[heap[0]]) {
      heap[0] = slot;
      down(0);
    }
  }
  return heap.sort((a, b) => priority[b] - priority[a]);
}
