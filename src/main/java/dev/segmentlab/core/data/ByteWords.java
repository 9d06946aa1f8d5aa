package dev.segmentlab.core.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Compares and hashes byte ranges eight bytes at a time (little-endian words read through a byte-array view
 * {@link VarHandle}), for the fields the CSV parser compares with the previous line's and the values it interns.
 *
 * <p>Why not {@link java.util.Arrays#equals(byte[], int, int, byte[], int, int)}: under C1 (the CLI's only
 * compiler) it is a chain of calls that C1 does not inline, costly for the 6-30 byte fields of a transactions
 * file; and a byte loop is slow there. On Online Retail's invoice, date, customer and country fields, comparing
 * them with the previous line's word by word measured clearly faster than byte by byte (README, performance).
 *
 * <p>A range shorter than a word is read as the word that ends where the range ends, shifted: this needs eight
 * bytes of the array before the range's end, which every caller has except for a range within the array's first
 * eight bytes, read byte by byte.
 */
final class ByteWords {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long K = 0x9E3779B97F4A7C15L;

  private ByteWords() {}

  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Whether {@code a[as, as+len)} equals {@code b[bs, bs+len)}. */
  static boolean equal(byte[] a, int as, byte[] b, int bs, int len) {
    if (len >= 8) {
      int last = len - 8;
      for (int i = 0; i < last; i += 8) {
        if ((long) LONGS.get(a, as + i) != (long) LONGS.get(b, bs + i)) return false;
      }
      return (long) LONGS.get(a, as + last) == (long) LONGS.get(b, bs + last);
    }
    if (len == 0) return true;
    int ae = as + len, be = bs + len;
    if (ae >= 8 && be >= 8) {
      int shift = (8 - len) << 3;
      return (long) LONGS.get(a, ae - 8) >>> shift == (long) LONGS.get(b, be - 8) >>> shift;
    }
    for (int i = 0; i < len; i++) if (a[as + i] != b[bs + i]) return false;
    return true;
  }

  /**
   * A hash of {@code b[s, e)}: each whole word mixed in with a multiply, the rest as one word, the length, then
   * MurmurHash3's finaliser so that the low bits (the hash table's slot) depend on every byte.
   */
  static int hash(byte[] b, int s, int e) {
    long h = K;
    int i = s;
    for (; i + 8 <= e; i += 8) h = (h ^ (long) LONGS.get(b, i)) * K;
    int rem = e - i;
    if (rem > 0) h = (h ^ tail(b, i, e, rem)) * K;
    h ^= e - s;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /** The {@code rem} (1-7) bytes {@code b[i, e)} as the low bytes of a word. */
  private static long tail(byte[] b, int i, int e, int rem) {
    if (e >= 8) return (long) LONGS.get(b, e - 8) >>> ((8 - rem) << 3);
    long w = 0;
    for (int k = rem - 1; k >= 0; k--) w = (w << 8) | (b[i + k] & 0xFF);
    return w;
  }
}
