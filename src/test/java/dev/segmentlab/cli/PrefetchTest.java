package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DataException;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.data.OnlineRetailFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's read-ahead: taken over by the load of the same file with the same options, else dropped. */
class PrefetchTest {
  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Dataset read(Path file) {
    return read(file, ReadOptions.defaults());
  }

  /** The command line's load stage (Workers.stages()), which takes a read-ahead over. */
  private Dataset read(Path file, ReadOptions options) {
    return Prefetch.load(file, options, RunControl.on(pool));
  }

  @Test
  void aReadAheadGivesWhatTheReadGives() {
    Prefetch.read(OnlineRetailFixture.FILE, pool);
    Dataset d = read(OnlineRetailFixture.FILE.toAbsolutePath()); // the same file, named another way
    assertThat(d.report().rows()).isEqualTo(541_909);
    assertThat(d.report().customers()).isEqualTo(4_372);
    assertThat(d.transactions().customer().missing()).isEqualTo(135_080);
    assertThat(d.transactions().description().missing()).isEqualTo(1_454);
    assertThat(Prefetch.take(OnlineRetailFixture.FILE)).isNull(); // taken once
  }

  @Test
  void aReadAheadOfAnotherFileOrWithOtherOptionsIsDropped() throws IOException {
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "CustomerID,Age\n1,20\n2,30\n");
    var other = Prefetch.read(OnlineRetailFixture.FILE, pool);
    assertThat(read(small).report().rows()).isEqualTo(2);
    assertThat(Prefetch.take(OnlineRetailFixture.FILE)).isNull();
    assertThat(other.isCancelled()).isTrue(); // dropped reads stop
    Prefetch.read(small, pool);
    Dataset forced = read(small, new ReadOptions(null, null, Mode.CUSTOMERS));
    assertThat(forced.report().rows()).isEqualTo(2);
    assertThat(Prefetch.take(small)).isNull();
    var sameFile = Prefetch.read(OnlineRetailFixture.FILE, pool);
    Dataset transactions = read(OnlineRetailFixture.FILE, new ReadOptions(null, null, Mode.TRANSACTIONS));
    assertThat(transactions.report().rows()).isEqualTo(541_909);
    assertThat(sameFile.isCancelled()).isTrue(); // read with other options: the read-ahead stopped
  }

  @Test
  void aChangedFileIsReadAgain() throws IOException {
    Path f = dir.resolve("grows.csv");
    Files.writeString(f, "CustomerID,Age\n1,20\n");
    Prefetch.read(f, pool);
    Files.writeString(f, "CustomerID,Age\n1,20\n2,30\n3,40\n");
    assertThat(read(f).report().rows()).isEqualTo(3);
  }

  @Test
  void aFileThatCannotBeReadGivesTheSameMessage() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    Prefetch.read(empty, pool);
    assertThatThrownBy(() -> read(empty)).isInstanceOf(DataException.class).hasMessageContaining("is empty");
    Prefetch.read(dir.resolve("missing.csv"), pool); // nothing to read ahead
    Prefetch.read(dir, pool); // a folder
    assertThat(Prefetch.take(dir)).isNull();
  }
}
