package dev.segmentlab.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateFinderTest {
  @TempDir Path dir;

  @Test
  void keepsTheFirstOfIdenticalRowsWithinAnInvoiceInSmallAndLargeInvoices() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
    // a large invoice (compared through a table): 30 distinct lines, then repeats of lines 3, 17 and 3 again
    for (int i = 0; i < 30; i++) lines.add("500001,S" + i + ",Item " + i + ",2,2010-12-01 08:26:00,1.5,17850,United Kingdom");
    lines.add("500001,S3,Item 3,2,2010-12-01 08:26:00,1.5,17850,United Kingdom");
    lines.add("500001,S17,Item 17,2,2010-12-01 08:26:00,1.5,17850,United Kingdom");
    lines.add("500001,S3,Item 3,2,2010-12-01 08:26:00,1.5,17850,United Kingdom");
    // a small invoice (compared by pairs): one repeat, one line differing only in quantity
    lines.add("500002,S1,Item 1,2,2010-12-01 09:00:00,1.5,13047,United Kingdom");
    lines.add("500002,S1,Item 1,3,2010-12-01 09:00:00,1.5,13047,United Kingdom");
    lines.add("500002,S1,Item 1,2,2010-12-01 09:00:00,1.5,13047,United Kingdom");
    // the same line under another invoice is not a duplicate
    lines.add("500003,S1,Item 1,2,2010-12-01 09:00:00,1.5,13047,United Kingdom");
    Path file = dir.resolve("dups.csv");
    Files.write(file, lines);
    Transactions tx = Datasets.read(file).transactions();
    CleanedData c = Cleaner.clean(tx, new CleaningOptions(EnumSet.of(CleaningRule.DUPLICATES),
        CleaningOptions.DEFAULT_NON_PRODUCT));
    assertThat(c.report().steps().get(0).removed()).isEqualTo(4);
    List<Integer> kept = new ArrayList<>();
    for (int r : c.rows()) kept.add(r);
    assertThat(kept).hasSize(33).doesNotContain(30, 31, 32, 35).contains(3, 17, 33, 34, 36);
    assertThat(kept).isSorted();
  }
}
