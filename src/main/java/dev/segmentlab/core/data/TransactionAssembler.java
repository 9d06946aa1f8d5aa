package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.Parallel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Merges parsed chunks, in file order, into one {@link Transactions} and decides the date order. The dates go
 * first (a day that does not exist rejects its row); then each text column, the numbers and the report's
 * distinct counts are merged as independent tasks on the executor's threads. Why tasks: merging and then
 * counting one after the other left the second core idle after the last block was parsed; as parallel tasks, with
 * the counts taken while merging, the merge measured less than half as long.
 */
final class TransactionAssembler {
  private TransactionAssembler() {}

  record Result(Transactions transactions, int rejected, Map<String, Integer> reasons,
      List<LoadReport.Rejection> examples, String dateFormat, Charset charset, Counts counts) {}

  /**
   * Figures for the load report, counted while merging.
   *
   * @param textMissing blank cells per text slot ({@link TransactionChunk#S_INVOICE} ...)
   * @param textDistinct distinct non-blank values per text slot
   */
  record Counts(int[] textMissing, int[] textDistinct, int quantities, int prices, int dates) {}

  /**
   * @param charset the charset the header suggested
   * @param mayFallBack whether a UTF-8 guess may turn into Windows-1252 when a kept value is not valid UTF-8
   * @param executor lends threads for the merge; null = all on the calling thread
   */
  static Result assemble(List<TransactionChunk> chunks, Charset charset, boolean mayFallBack, String[] names,
      Executor executor) {
    int total = 0;
    int maxP1 = 0, maxP2 = 0;
    boolean yearLast = false, iso = false, serial = false, seconds = false;
    for (TransactionChunk c : chunks) {
      total += c.size;
      maxP1 = Math.max(maxP1, c.maxP1);
      maxP2 = Math.max(maxP2, c.maxP2);
      yearLast |= c.sawYearLast;
      iso |= c.sawIso;
      serial |= c.sawSerial;
      seconds |= c.sawSeconds;
    }
    boolean dayFirst = maxP1 > 12 && maxP2 <= 12;
    String dateFormat = describe(iso, yearLast, serial, seconds, maxP1, maxP2, dayFirst);

    int rejected = 0;
    Map<String, Integer> reasons = new LinkedHashMap<>();
    List<LoadReport.Rejection> examples = new ArrayList<>();
    for (TransactionChunk c : chunks) {
      rejected += c.rejected;
      c.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
      for (LoadReport.Rejection r : c.examples) {
        if (examples.size() < TransactionChunk.MAX_EXAMPLES) {
          examples.add(new LoadReport.Rejection(r.line() + c.lineOffset, r.reason(), r.text()));
        }
      }
    }
    // the dates, chunk by chunk on the executor's threads, each at its place if no row is dropped; a day that
    // does not exist (31/4 once the order is known) drops its row, rare enough to close the gaps afterwards
    int n = chunks.size();
    long[] dates = new long[total];
    int[] at = new int[n + 1];
    for (int k = 0; k < n; k++) at[k + 1] = at[k] + chunks.get(k).size;
    boolean[][] dropped = new boolean[n][];
    LongSet[] runDates = new LongSet[n]; // each run's date: the distinct count, without a pass of its own
    Parallel.forEach(n, executor, null, k -> {
      TransactionChunk c = chunks.get(k);
      LongSet seen = new LongSet();
      TransactionChunk.Runs runs = c.dates; // lines of one invoice share their date: convert each run once
      int o = at[k];
      for (int r = 0; r < runs.count; r++) {
        int from = runs.start[r], to = runs.end(r, c.size);
        long epoch = FieldValues.toEpochSeconds(runs.value[r], dayFirst);
        if (epoch != FieldValues.INVALID_EPOCH) {
          seen.add(epoch);
        } else {
          if (dropped[k] == null) dropped[k] = new boolean[c.size];
          Arrays.fill(dropped[k], from, to, true);
        }
        Arrays.fill(dates, o + from, o + to, epoch);
      }
      runDates[k] = seen;
    }, null);
    int out = 0;
    for (int k = 0; k < n; k++) {
      TransactionChunk c = chunks.get(k);
      boolean[] drop = dropped[k];
      if (drop == null) {
        if (out != at[k]) System.arraycopy(dates, at[k], dates, out, c.size);
        out += c.size;
        continue;
      }
      for (int i = 0; i < c.size; i++) {
        if (!drop[i]) {
          dates[out++] = dates[at[k] + i];
          continue;
        }
        rejected++;
        reasons.merge("unreadable date", 1, Integer::sum);
        if (examples.size() < TransactionChunk.MAX_EXAMPLES) {
          examples.add(new LoadReport.Rejection(c.line[i] + c.lineOffset, "unreadable date: no such day for "
              + dateFormat, ""));
        }
      }
    }
    LongSet distinctDates = n == 0 ? new LongSet() : runDates[0];
    for (int k = 1; k < n; k++) distinctDates.addAll(runDates[k]);
    int rows = out;
    boolean anyDropped = rows < total;
    long[] keptDates = anyDropped ? Arrays.copyOf(dates, rows) : dates;

    int[][] codes = new int[TransactionChunk.TEXT_SLOTS][];
    ByteDictionary[] global = new ByteDictionary[TransactionChunk.TEXT_SLOTS];
    int[] missing = new int[TransactionChunk.TEXT_SLOTS];
    double[] qty = new double[rows];
    double[] price = new double[rows];
    int[] lines = new int[rows];
    int[] distinct = {0, 0, distinctDates.size()}; // quantities, prices, dates
    List<Runnable> tasks = new ArrayList<>();
    // the largest first, so that the threads end together
    for (int s : new int[] {TransactionChunk.S_DESC, TransactionChunk.S_STOCK, TransactionChunk.S_INVOICE,
        TransactionChunk.S_CUSTOMER, TransactionChunk.S_COUNTRY}) {
      tasks.add(() -> {
        global[s] = new ByteDictionary();
        codes[s] = new int[rows];
        missing[s] = mergeText(s, chunks, dropped, global[s], codes[s]);
      });
    }
    tasks.add(() -> mergeNumbers(chunks, dropped, qty, price, lines));
    tasks.add(() -> distinct[0] = distinctNumbers(chunks, dropped, c -> c.quantity));
    tasks.add(() -> distinct[1] = distinctNumbers(chunks, dropped, c -> c.price));
    Parallel.forEach(tasks.size(), executor, null, i -> tasks.get(i).run(), null);

    if (mayFallBack && charset == StandardCharsets.UTF_8) {
      for (ByteDictionary d : global) {
        if (!d.isValidUtf8()) { charset = FileBytes.WINDOWS_1252; break; }
      }
    }
    TextColumn[] text = new TextColumn[TransactionChunk.TEXT_SLOTS];
    int[] textDistinct = new int[TransactionChunk.TEXT_SLOTS];
    for (int s = 0; s < text.length; s++) {
      text[s] = new TextColumn(names[s], codes[s], global[s].toStrings(charset));
      // each value of a chunk's dictionary comes from a row it kept; only rows dropped here can leave one unused
      textDistinct[s] = anyDropped ? text[s].distinct() : global[s].size();
    }
    Transactions tx = new Transactions(text[TransactionChunk.S_INVOICE], text[TransactionChunk.S_STOCK],
        text[TransactionChunk.S_DESC], qty, keptDates, price, text[TransactionChunk.S_CUSTOMER],
        text[TransactionChunk.S_COUNTRY], lines);
    Counts counts = new Counts(missing, textDistinct, distinct[0], distinct[1], distinct[2]);
    return new Result(tx, rejected, reasons, examples, dateFormat, charset, counts);
  }

  /** Merges one text column's dictionaries and codes; returns the number of blank cells. */
  private static int mergeText(int s, List<TransactionChunk> chunks, boolean[][] dropped, ByteDictionary global,
      int[] out) {
    boolean ids = s == TransactionChunk.S_CUSTOMER;
    int missing = 0;
    int o = 0;
    for (int k = 0; k < chunks.size(); k++) {
      TransactionChunk c = chunks.get(k);
      ByteDictionary local = c.dicts[s];
      int[] remap = new int[local.size()];
      for (int code = 0; code < remap.length; code++) {
        remap[code] = ids ? global.internFrom(local, code, TransactionChunk::stripZeroFraction)
            : global.internFrom(local, code);
      }
      boolean[] drop = dropped[k];
      TransactionChunk.Runs runs = c.runs[s];
      if (runs != null) {
        for (int r = 0; r < runs.count; r++) {
          int code = (int) runs.value[r];
          int mapped = code < 0 ? TextColumn.MISSING : remap[code];
          int from = runs.start[r], to = runs.end(r, c.size);
          int kept = to - from;
          if (drop != null) for (int i = from; i < to; i++) if (drop[i]) kept--;
          Arrays.fill(out, o, o + kept, mapped);
          o += kept;
          if (code < 0) missing += kept;
        }
        continue;
      }
      int[] in = c.codes[s];
      for (int i = 0; i < c.size; i++) {
        if (drop != null && drop[i]) continue;
        int code = in[i];
        if (code < 0) {
          out[o++] = TextColumn.MISSING;
          missing++;
        } else {
          out[o++] = remap[code];
        }
      }
    }
    return missing;
  }

  private static void mergeNumbers(List<TransactionChunk> chunks, boolean[][] dropped, double[] qty,
      double[] price, int[] lines) {
    int o = 0;
    for (int k = 0; k < chunks.size(); k++) {
      TransactionChunk c = chunks.get(k);
      boolean[] drop = dropped[k];
      if (drop == null) {
        System.arraycopy(c.quantity, 0, qty, o, c.size);
        System.arraycopy(c.price, 0, price, o, c.size);
        for (int i = 0; i < c.size; i++) lines[o + i] = c.line[i] + c.lineOffset;
        o += c.size;
        continue;
      }
      for (int i = 0; i < c.size; i++) {
        if (drop[i]) continue;
        qty[o] = c.quantity[i];
        price[o] = c.price[i];
        lines[o] = c.line[i] + c.lineOffset;
        o++;
      }
    }
  }

  private static final int HUNDREDTHS = 1 << 19;
  private static final long NOT_A_VALUE = 0x7FF8000000000001L; // a NaN's bits: no kept row has them

  /**
   * Distinct numbers of the kept rows, with 0.0 and -0.0 counted as one. A number that is a whole count of
   * hundredths within ±5,242.87 (nearly every quantity and price) sets a bit for that count instead of going
   * into the hash set: the two numbers' sets were the largest tasks of the merge under C1. A small table of the
   * last values seen (by their bits) skips most rows before that arithmetic.
   */
  private static int distinctNumbers(List<TransactionChunk> chunks, boolean[][] dropped,
      Function<TransactionChunk, double[]> column) {
    long[] bits = new long[2 * HUNDREDTHS / 64];
    int inBits = 0;
    LongSet others = new LongSet();
    long[] seen = new long[1 << 12];
    Arrays.fill(seen, NOT_A_VALUE);
    for (int k = 0; k < chunks.size(); k++) {
      TransactionChunk c = chunks.get(k);
      double[] v = column.apply(c);
      boolean[] drop = dropped[k];
      for (int i = 0; i < c.size; i++) {
        if (drop != null && drop[i]) continue;
        double x = v[i];
        long raw = Double.doubleToRawLongBits(x);
        int slot = (int) ((raw * 0x9E3779B97F4A7C15L) >>> 52);
        if (seen[slot] == raw) continue; // counted already
        seen[slot] = raw;
        long h = (long) (x * 100 + (x < 0 ? -0.5 : 0.5));
        // exact: x is the double nearest h / 100, so equal numbers and only they share h (0.0 and -0.0 too)
        if (h >= -HUNDREDTHS && h < HUNDREDTHS && h / 100.0 == x) {
          int b = (int) h + HUNDREDTHS;
          long w = bits[b >>> 6], m = 1L << b;
          if ((w & m) == 0) {
            bits[b >>> 6] = w | m;
            inBits++;
          }
        } else {
          others.add(Double.doubleToLongBits(x == 0 ? 0.0 : x));
        }
      }
    }
    return inBits + others.size();
  }

  private static String describe(boolean iso, boolean yearLast, boolean serial, boolean seconds, int maxP1,
      int maxP2, boolean dayFirst) {
    String time = seconds ? " HH:mm:ss" : " H:mm";
    List<String> parts = new ArrayList<>();
    if (iso) parts.add("yyyy-MM-dd" + time + " (ISO)");
    if (yearLast) {
      if (dayFirst) {
        parts.add("d/M/yyyy" + time + " (UK, day first: a first field above 12 was found)");
      } else if (maxP2 > 12 && maxP1 > 12) {
        parts.add("M/d/yyyy" + time + " (mixed day/month order: rows whose date does not exist were rejected)");
      } else if (maxP2 > 12) {
        parts.add("M/d/yyyy" + time + " (US, month first: a second field above 12 was found)");
      } else {
        parts.add("M/d/yyyy" + time + " (assumed US, month first: no field above 12 tells the order)");
      }
    }
    if (serial) parts.add("Excel serial dates");
    return parts.isEmpty() ? "none" : String.join(" + ", parts);
  }
}
