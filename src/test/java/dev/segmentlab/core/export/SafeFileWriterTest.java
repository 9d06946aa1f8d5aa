package dev.segmentlab.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFileWriterTest {
  @TempDir Path dir;

  @Test
  void writesNewFileAndLeavesNoTemp() throws IOException {
    Path target = dir.resolve("out.csv");
    SafeFileWriter.write(target, false, out -> out.write("a,b\r\n".getBytes(UTF_8)));
    assertThat(target).hasContent("a,b");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void existingFileWithoutOverwriteIsRefusedAndUnchanged() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> SafeFileWriter.write(target, false, out -> out.write("new".getBytes(UTF_8))))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("out.csv already exists; choose another name or allow replacing it");
    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void existingFileWithOverwriteIsReplaced() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old content that is longer");
    SafeFileWriter.write(target, true, out -> out.write("new".getBytes(UTF_8)));
    assertThat(target).hasContent("new");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void writerThatThrowsMidwayKeepsOldFileAndLeavesNoTemp() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> SafeFileWriter.write(target, true, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk on fire");
    })).isInstanceOf(ExportException.class).hasMessageContaining("disk on fire");
    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void uncheckedExceptionAndCancellationPassThroughAndLeaveNothing() throws Exception {
    Path target = dir.resolve("out.csv");
    assertThatThrownBy(() -> SafeFileWriter.write(target, false, out -> {
      out.write(1);
      throw new CancellationException("export cancelled");
    })).isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> SafeFileWriter.write(target, false, out -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(listing()).isEmpty();
  }

  @Test
  void missingFolderSaysSo() throws IOException {
    Path target = dir.resolve("no/such/folder/out.csv");
    assertThatThrownBy(() -> SafeFileWriter.write(target, true, out -> out.write(1)))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("does not exist; choose an existing folder");
    assertThat(listing()).isEmpty();
  }

  @Test
  void parentThatIsAFileSaysSo() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    Path target = dir.resolve("notes.txt/out.csv");
    assertThatThrownBy(() -> SafeFileWriter.write(target, true, out -> out.write(1)))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("is a file, not a folder; choose a folder");
    assertThat(listing()).containsExactly("notes.txt");
  }

  @Test
  void targetThatIsAFolderIsRefusedEvenWithOverwrite() throws IOException {
    Files.createDirectory(dir.resolve("out.csv"));
    assertThatThrownBy(() -> SafeFileWriter.write(dir.resolve("out.csv"), true, out -> out.write(1)))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("a folder of that name exists; choose another file name");
    assertThat(listing()).containsExactly("out.csv");
    assertThat(dir.resolve("out.csv")).isDirectory();
  }

  @Test
  void readOnlyFolderGivesClearMessageAndLeavesNothing() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    Path folder = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root ignores permission bits, so the scenario cannot be staged as root (e.g. in a container)
      assumeTrue(!Files.isWritable(folder), "running as root: permission bits are not enforced");
      assertThatThrownBy(() -> SafeFileWriter.write(folder.resolve("out.csv"), true, out -> out.write(1)))
          .isInstanceOf(ExportException.class)
          .hasMessageContaining("permission denied; choose another folder");
      try (Stream<Path> s = Files.list(folder)) {
        assertThat(s).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void readOnlyTargetIsNotReplaced() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    assumeTrue(!Files.isWritable(target), "running as root: permission bits are not enforced");
    assertThatThrownBy(() -> SafeFileWriter.write(target, true, out -> out.write(1)))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("read-only or locked by another program");
    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void replacedFileKeepsItsPermissions() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
    SafeFileWriter.write(target, true, out -> out.write("new".getBytes(UTF_8)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw----");
  }

  @Test
  void writerCannotCloseTheStreamEarly() throws IOException {
    Path target = dir.resolve("out.bin");
    SafeFileWriter.write(target, false, out -> {
      out.write(1);
      out.close(); // some libraries close what they are given
    });
    assertThat(Files.readAllBytes(target)).containsExactly(1);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
