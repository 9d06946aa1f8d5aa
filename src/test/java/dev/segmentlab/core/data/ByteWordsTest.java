package dev.segmentlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Word-at-a-time comparing and hashing must depend on a range's bytes only: not on where the range lies, on the
 * bytes before it (read as part of a word and shifted out) or on the array it is in.
 */
class ByteWordsTest {
  private final Random random = new Random(42);

  @Test
  void equalAndHashDependOnTheRangeOnly() {
    for (int len = 0; len <= 40; len++) {
      byte[] value = new byte[len];
      random.nextBytes(value);
      Integer hash = null;
      for (int at = 0; at <= 12; at++) {
        byte[] a = placed(value, at);
        byte[] b = placed(value, 12 - at);
        assertThat(ByteWords.equal(a, at, b, 12 - at, len)).as("len %d at %d", len, at).isTrue();
        int h = ByteWords.hash(a, at, at + len);
        if (hash == null) hash = h;
        assertThat(h).as("hash of len %d at %d", len, at).isEqualTo(hash);
        assertThat(ByteDictionary.hash(b, 12 - at, 12 - at + len)).isEqualTo(hash);
      }
    }
  }

  @Test
  void anyDifferentByteMakesTheRangesDiffer() {
    for (int len = 1; len <= 40; len++) {
      byte[] value = new byte[len];
      random.nextBytes(value);
      for (int i = 0; i < len; i++) {
        for (int at : new int[] {0, 3, 9}) {
          byte[] a = placed(value, at);
          byte[] b = placed(value, at);
          b[at + i] ^= (byte) (1 << random.nextInt(8));
          assertThat(ByteWords.equal(a, at, b, at, len)).as("len %d byte %d at %d", len, i, at).isFalse();
          assertThat(ByteWords.equal(b, at, a, at, len)).isFalse();
        }
      }
    }
  }

  @Test
  void hashesOfShortValuesDoNotCollideInATablesLowBits() {
    // every 2-byte value, and the prefixes of one value: the slots a 4096-entry table would use spread out
    Set<Integer> slots = new HashSet<>();
    byte[] b = new byte[10];
    for (int x = 0; x < 65536; x++) {
      b[8] = (byte) x;
      b[9] = (byte) (x >> 8);
      slots.add(ByteWords.hash(b, 8, 10) & 0xFFFF);
    }
    assertThat(slots.size()).isGreaterThan(40_000); // a random function fills about 41,400 of 65,536
    byte[] text = "WHITE HANGING HEART T-LIGHT HOLDER".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Set<Integer> prefixes = new HashSet<>();
    for (int e = 0; e <= text.length; e++) prefixes.add(ByteWords.hash(text, 0, e));
    assertThat(prefixes).hasSize(text.length + 1);
  }

  /** The value at {@code at} in an array of random bytes, with random bytes after it too. */
  private byte[] placed(byte[] value, int at) {
    byte[] a = new byte[at + value.length + random.nextInt(9)];
    random.nextBytes(a);
    System.arraycopy(value, 0, a, at, value.length);
    assertThat(Arrays.copyOfRange(a, at, at + value.length)).isEqualTo(value);
    return a;
  }
}
