package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFingerprintTest {
  @TempDir Path dir;

  @Test
  void knownDigests() throws IOException {
    Path abc = Files.writeString(dir.resolve("abc.txt"), "abc");
    assertThat(FileFingerprint.of(abc)).isEqualTo(new FileFingerprint(3,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThat(FileFingerprint.of(empty).sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void streamsLargeFilesWithProgressAndMatches() throws IOException {
    byte[] data = new byte[1_000_003];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
    Path big = Files.write(dir.resolve("big.bin"), data);
    List<Double> progress = new ArrayList<>();
    FileFingerprint fp = FileFingerprint.of(big, RunControl.of(null, progress::add, () -> false));
    assertThat(fp.size()).isEqualTo(data.length);
    assertThat(progress).hasSizeGreaterThan(10).isSortedAccordingTo(Double::compare).last().isEqualTo(1.0);
    assertThat(fp.matches(big)).isTrue();
    data[500_000]++;
    Files.write(big, data);
    assertThat(fp.matches(big)).isFalse();
    assertThatThrownBy(() -> FileFingerprint.of(big, RunControl.of(null, p -> {}, () -> true))).isInstanceOf(CancellationException.class);
  }

  @Test
  void missingFileSaysSo() {
    assertThatThrownBy(() -> FileFingerprint.of(dir.resolve("gone.csv")))
        .isInstanceOf(ExportException.class).hasMessageContaining("gone.csv does not exist");
    assertThatThrownBy(() -> new FileFingerprint(1, "xyz")).isInstanceOf(IllegalArgumentException.class);
  }
}
