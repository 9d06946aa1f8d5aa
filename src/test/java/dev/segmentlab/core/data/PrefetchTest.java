package dev.segmentlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchTest {
  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Dataset read(Path file) {
    return DatasetReader.read(file, DatasetReader.Options.defaults(), pool, p -> { }, () -> false);
  }

  @Test
  void aPrefetchedFileReadsTheSameAsOneReadDirectly() {
    Prefetch.gzip(OnlineRetailFixture.FILE);
    Dataset d = read(OnlineRetailFixture.FILE.toAbsolutePath()); // the same file, named another way
    assertThat(d.report().rows()).isEqualTo(541_909);
    assertThat(d.report().customers()).isEqualTo(4_372);
    assertThat(d.transactions().customer().missing()).isEqualTo(135_080);
    assertThat(d.transactions().description().missing()).isEqualTo(1_454);
  }

  @Test
  void aPrefetchOfAnotherFileIsIgnored() throws IOException {
    Path other = dir.resolve("other.csv.gz");
    Files.copy(OnlineRetailFixture.FILE, other);
    Prefetch.gzip(other);
    Files.delete(other); // whatever the prefetch thread has read, it must not stand in for the sample
    Dataset d = read(OnlineRetailFixture.FILE);
    assertThat(d.report().rows()).isEqualTo(541_909);
    assertThat(d.report().customers()).isEqualTo(4_372);
  }

  @Test
  void prefetchingWhatCannotBeReadDoesNothing() throws IOException {
    Prefetch.gzip(dir.resolve("missing.csv.gz"));
    Path empty = Files.createFile(dir.resolve("empty.csv.gz"));
    Prefetch.gzip(empty);
    Prefetch.gzip(dir); // a folder
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "CustomerID,Age\n1,20\n2,30\n");
    Prefetch.gzip(small);
    assertThat(read(small).report().rows()).isEqualTo(2);
  }
}
