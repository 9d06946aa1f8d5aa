package dev.segmentlab.core.data;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges parsed chunks, in file order, into one {@link Transactions} and decides the date order. */
final class TransactionAssembler {
  private TransactionAssembler() {}

  record Result(Transactions transactions, int rejected, Map<String, Integer> reasons,
      List<LoadReport.Rejection> examples, String dateFormat, Charset charset) {}

  /**
   * @param charset the charset the header suggested
   * @param mayFallBack whether a UTF-8 guess may turn into Windows-1252 when a kept value is not valid UTF-8
   */
  static Result assemble(List<TransactionChunk> chunks, Charset charset, boolean mayFallBack, String[] names) {
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

    int[][] codes = new int[TransactionChunk.TEXT_SLOTS][total];
    double[] qty = new double[total];
    double[] price = new double[total];
    long[] dates = new long[total];
    int[] lines = new int[total];
    ByteDictionary[] global = new ByteDictionary[TransactionChunk.TEXT_SLOTS];
    for (int s = 0; s < global.length; s++) global[s] = new ByteDictionary();

    int rejected = 0;
    Map<String, Integer> reasons = new LinkedHashMap<>();
    List<LoadReport.Rejection> examples = new ArrayList<>();
    int out = 0;
    for (TransactionChunk c : chunks) {
      rejected += c.rejected;
      c.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
      for (LoadReport.Rejection r : c.examples) {
        if (examples.size() < TransactionChunk.MAX_EXAMPLES) {
          examples.add(new LoadReport.Rejection(r.line() + c.lineOffset, r.reason(), r.text()));
        }
      }
      int[][] remap = new int[TransactionChunk.TEXT_SLOTS][];
      for (int s = 0; s < global.length; s++) {
        remap[s] = new int[c.dicts[s].size()];
        boolean ids = s == TransactionChunk.S_CUSTOMER;
        for (int k = 0; k < remap[s].length; k++) {
          remap[s][k] = ids ? global[s].internFrom(c.dicts[s], k, TransactionChunk::stripZeroFraction)
              : global[s].internFrom(c.dicts[s], k);
        }
      }
      for (int i = 0; i < c.size; i++) {
        long epoch = FieldValues.toEpochSeconds(c.datePacked[i], dayFirst);
        int line = c.line[i] + c.lineOffset;
        if (epoch == FieldValues.INVALID_EPOCH) {
          rejected++;
          reasons.merge("unreadable date", 1, Integer::sum);
          if (examples.size() < TransactionChunk.MAX_EXAMPLES) {
            examples.add(new LoadReport.Rejection(line, "unreadable date: no such day for " + dateFormat, ""));
          }
          continue;
        }
        for (int s = 0; s < global.length; s++) {
          int code = c.codes[s][i];
          codes[s][out] = code < 0 ? TextColumn.MISSING : remap[s][code];
        }
        qty[out] = c.quantity[i];
        price[out] = c.price[i];
        dates[out] = epoch;
        lines[out] = line;
        out++;
      }
    }
    if (out < total) {
      for (int s = 0; s < codes.length; s++) codes[s] = java.util.Arrays.copyOf(codes[s], out);
      qty = java.util.Arrays.copyOf(qty, out);
      price = java.util.Arrays.copyOf(price, out);
      dates = java.util.Arrays.copyOf(dates, out);
      lines = java.util.Arrays.copyOf(lines, out);
    }
    if (mayFallBack && charset == java.nio.charset.StandardCharsets.UTF_8) {
      for (ByteDictionary d : global) {
        if (!d.isValidUtf8()) { charset = FileBytes.WINDOWS_1252; break; }
      }
    }
    TextColumn[] text = new TextColumn[TransactionChunk.TEXT_SLOTS];
    for (int s = 0; s < text.length; s++) text[s] = new TextColumn(names[s], codes[s], global[s].toStrings(charset));
    Transactions tx = new Transactions(text[TransactionChunk.S_INVOICE], text[TransactionChunk.S_STOCK],
        text[TransactionChunk.S_DESC], qty, dates, price, text[TransactionChunk.S_CUSTOMER],
        text[TransactionChunk.S_COUNTRY], lines);
    return new Result(tx, rejected, reasons, examples, dateFormat, charset);
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
