package dev.segmentlab.core.data;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

/**
 * Interns byte ranges into dense int codes without creating a String per row: an open-addressing hash table
 * keyed on the raw bytes of a field. Only the first occurrence of a value is copied. Strings are made once per
 * distinct value at the end, in the file's detected charset, which is why values stay bytes until then.
 * Not thread-safe: each parsing thread owns one.
 */
final class ByteDictionary {
  private byte[] data = new byte[1 << 12];
  private int dataLen;
  private int[] offsets = new int[256];
  private int[] lengths = new int[256];
  private int[] hashes = new int[256];
  private int size;
  private int[] table = new int[512];
  private int mask = 511;

  ByteDictionary() {
    Arrays.fill(table, -1);
  }

  int size() { return size; }

  /** The code of {@code buf[start, end)} (whose {@link #hash} is {@code h}), or -1 when it is not here. */
  int find(byte[] buf, int start, int end, int h) {
    int len = end - start;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int code = table[slot];
      if (code < 0) return -1;
      if (hashes[code] == h && lengths[code] == len && ByteWords.equal(data, offsets[code], buf, start, len)) {
        return code;
      }
    }
  }

  /** The bytes a value's {@link #offset} and {@link #length} refer to (a new array after values are added). */
  byte[] bytes() { return data; }

  int offset(int code) { return offsets[code]; }

  int length(int code) { return lengths[code]; }

  /** The code of {@code buf[start, end)}, adding it when new. */
  int intern(byte[] buf, int start, int end) {
    return intern(buf, start, end, hash(buf, start, end));
  }

  /** As {@link #intern(byte[], int, int)}, with the range's {@link #hash} already known. */
  int intern(byte[] buf, int start, int end, int h) {
    int slot = h & mask;
    int len = end - start;
    while (true) {
      int code = table[slot];
      if (code < 0) break;
      if (hashes[code] == h && lengths[code] == len && ByteWords.equal(data, offsets[code], buf, start, len)) {
        return code;
      }
      slot = (slot + 1) & mask;
    }
    int code = add(buf, start, end, h);
    table[slot] = code;
    if (size * 2 > table.length) rehash();
    return code;
  }

  private int add(byte[] buf, int start, int end, int h) {
    int len = end - start;
    if (dataLen + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, dataLen + len));
    System.arraycopy(buf, start, data, dataLen, len);
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    offsets[size] = dataLen;
    lengths[size] = len;
    hashes[size] = h;
    dataLen += len;
    return size++;
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, -1);
    mask = table.length - 1;
    for (int c = 0; c < size; c++) {
      int slot = hashes[c] & mask;
      while (table[slot] >= 0) slot = (slot + 1) & mask;
      table[slot] = c;
    }
  }

  /** The hash {@link #intern(byte[], int, int, int)} expects: {@link ByteWords#hash}. */
  static int hash(byte[] b, int start, int end) {
    return ByteWords.hash(b, start, end);
  }

  /** Code of the value in another dictionary, adding it to this one when new (for merging chunks). */
  int internFrom(ByteDictionary other, int code) {
    int s = other.offsets[code];
    return intern(other.data, s, s + other.lengths[code], other.hashes[code]); // the same hash function
  }

  /** As {@link #internFrom}, with the value cut to {@code [start, cut.applyAsInt(...))} first (e.g. an id's ".0"). */
  int internFrom(ByteDictionary other, int code, Trim cut) {
    int s = other.offsets[code], e = s + other.lengths[code];
    int c = cut.end(other.data, s, e);
    return c == e ? intern(other.data, s, e, other.hashes[code]) : intern(other.data, s, c);
  }

  /** Where a value should end. */
  interface Trim {
    int end(byte[] b, int start, int end);
  }

  /** Whether every value is valid UTF-8 (pure ASCII included). */
  boolean isValidUtf8() {
    return FileBytes.detectCharset(data, 0, dataLen) == StandardCharsets.UTF_8;
  }

  String[] toStrings(Charset cs) {
    String[] out = new String[size];
    for (int c = 0; c < size; c++) out[c] = new String(data, offsets[c], lengths[c], cs);
    return out;
  }
}
