package dev.segmentlab.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, failures 1 and 5: several outputs all or nothing; no temporary file outlives its run. */
class OutputBatchTest {
  @TempDir Path dir;

  @Test
  void bothOutputsAppearOnlyAtCommit() throws IOException {
    Path a = dir.resolve("new.xlsx");
    Path b = dir.resolve("w.segmentlab.json");
    try (OutputBatch batch = OutputBatch.open(false)) {
      batch.stage(a, out -> out.write("A".getBytes(UTF_8)));
      batch.stage(b, out -> out.write("B".getBytes(UTF_8)));
      assertThat(a).doesNotExist();
      assertThat(b).doesNotExist();
      assertThat(batch.commit()).containsExactly(a, b);
    }
    assertThat(a).hasContent("A");
    assertThat(b).hasContent("B");
    assertThat(listing()).containsExactlyInAnyOrder("new.xlsx", "w.segmentlab.json");
  }

  @Test
  void aFailingSecondOutputLeavesNoFirstOutput() throws IOException {
    Path a = dir.resolve("new.xlsx");
    Path b = dir.resolve("w.segmentlab.json");
    try (OutputBatch batch = OutputBatch.open(false)) {
      batch.stage(a, out -> out.write("A".getBytes(UTF_8)));
      assertThatThrownBy(() -> batch.stage(b, out -> {
        out.write("half".getBytes(UTF_8));
        throw new IOException("No space left on device");
      })).isInstanceOf(ExportException.class).hasMessageContaining("disk is not full");
    }
    assertThat(listing()).isEmpty();
  }

  @Test
  void aSecondTargetThatAppearedAfterTheCheckFailsTheCommitAndTakesBackTheFirst() throws IOException {
    Path a = dir.resolve("new.xlsx");
    Path b = dir.resolve("w.segmentlab.json");
    try (OutputBatch batch = OutputBatch.open(false)) {
      batch.check(a);
      batch.check(b);
      batch.stage(a, out -> out.write("k=3".getBytes(UTF_8)));
      batch.stage(b, out -> out.write("k=3".getBytes(UTF_8)));
      Files.writeString(b, "k=5"); // another run, started at the same time, finished first
      assertThatThrownBy(batch::commit).isInstanceOf(ExportException.class)
          .hasMessageContaining("w.segmentlab.json was created by another program while this run was working")
          .hasMessageContaining("--force");
    }
    assertThat(a).doesNotExist();
    assertThat(b).hasContent("k=5");
    assertThat(listing()).containsExactly("w.segmentlab.json");
  }

  @Test
  void withOverwriteAFailedCommitRestoresTheReplacedFile() throws IOException {
    Path a = dir.resolve("old.csv");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path b = sub.resolve("w.json");
    Files.writeString(a, "old");
    try (OutputBatch batch = OutputBatch.open(true)) {
      batch.stage(a, out -> out.write("new".getBytes(UTF_8)));
      batch.stage(b, out -> out.write("B".getBytes(UTF_8)));
      Files.delete(sub.resolve(listing(sub).get(0))); // the second temporary vanishes: its move fails
      assertThatThrownBy(batch::commit).isInstanceOf(ExportException.class);
    }
    assertThat(a).hasContent("old");
    assertThat(listing()).containsExactlyInAnyOrder("old.csv", "sub");
    assertThat(listing(sub)).isEmpty();
  }

  @Test
  void aSingleFileThatAppearedWhileItWasWrittenIsNotReplaced() throws IOException {
    Path a = dir.resolve("chart.png");
    assertThatThrownBy(() -> SafeFileWriter.write(a, false, out -> {
      Files.writeString(a, "theirs"); // another program saves under the same name meanwhile
      out.write("ours".getBytes(UTF_8));
    })).isInstanceOf(ExportException.class).hasMessageContaining("was created by another program");
    assertThat(a).hasContent("theirs");
    assertThat(listing()).containsExactly("chart.png");
  }

  @Test
  void checkNamesAMissingFolderBeforeAnyWork() {
    assertThatThrownBy(() -> OutputBatch.open(false).check(dir.resolve("nodir/w.segmentlab.json")))
        .isInstanceOf(ExportException.class).hasMessageContaining("nodir does not exist");
  }

  @Test
  void staleTemporariesOfKilledRunsAreRemovedByTheNextWriteIntoTheFolder() throws IOException {
    long dead = deadPid();
    Path stale = Files.writeString(dir.resolve(".big.xlsx." + dead + "-3fa9c2d1e4b5a6f7.tmp"), "partial");
    Path oldStyle = Files.writeString(dir.resolve(".big.xlsx.9c2d1e4b5a6f73fa.tmp"), "partial");
    Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minusSeconds(3600)));
    Path oldStyleFresh = Files.writeString(dir.resolve(".other.csv.1e4b5a6f73fa9c2d.tmp"), "maybe live");
    Path live = Files.writeString(dir.resolve(".run.csv." + ProcessHandle.current().pid() + "-abc.tmp"), "ours");
    Path foreign = Files.writeString(dir.resolve(".cache.1234abcd.tmp"), "another program's");
    SafeFileWriter.write(dir.resolve("next.csv"), false, out -> out.write("x".getBytes(UTF_8)));
    assertThat(stale).doesNotExist();
    assertThat(oldStyle).doesNotExist();
    assertThat(oldStyleFresh).exists();
    assertThat(live).exists(); // this process is alive: its file may still be in use
    assertThat(foreign).exists();
    assertThat(dir.resolve("next.csv")).hasContent("x");
  }

  /** A process id that is not running. */
  static long deadPid() throws IOException {
    Process p = new ProcessBuilder("true").start();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return p.pid();
  }

  private List<String> listing() throws IOException { return listing(dir); }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
