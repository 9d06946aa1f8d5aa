package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * The fields of one record as byte ranges: what CSV and XLSX rows both offer to the row builders.
 *
 * <p>A class with final accessors over plain arrays rather than an interface: the CLI runs with C1 only, which
 * does not inline an interface call that has two implementations, and the accessors ran about 25 times per line.
 * The transaction builder reads the arrays directly; with the tokenizer's locals this measured faster under C1.
 */
abstract class Fields {
  int count;
  byte[][] bufs = new byte[16][];
  int[] starts = new int[16];
  int[] ends = new int[16];
  /** Why this record cannot be read as it stands (e.g. "unbalanced quote"), or null. */
  String problem;

  final int fieldCount() { return count; }
  final byte[] buf(int i) { return bufs[i]; }
  final int start(int i) { return starts[i]; }
  final int end(int i) { return ends[i]; }

  /** Makes room for at least {@code n} fields. */
  final void ensureFields(int n) {
    if (n <= starts.length) return;
    int cap = Math.max(n, starts.length * 2);
    bufs = Arrays.copyOf(bufs, cap);
    starts = Arrays.copyOf(starts, cap);
    ends = Arrays.copyOf(ends, cap);
  }
}
