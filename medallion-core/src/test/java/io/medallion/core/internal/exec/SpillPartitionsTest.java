package io.medallion.core.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillPartitionsTest {
  @TempDir Path dir;

  @Test
  void read_recordsOfOneKey_comeBackInOnePartitionInAppendOrder() throws IOException {
    List<String> seen = new ArrayList<>();
    try (SpillPartitions spill = SpillPartitions.create(dir, "keys", 8)) {
      for (int i = 0; i < 1_000; i++) {
        String key = "key-" + (i % 37);
        DataOutput out = spill.append(key);
        SpillValues.write(out, key);
        out.writeInt(i);
      }
      int[] partitionsOfKey7 = new int[1];
      for (int partition = 0; partition < spill.partitions(); partition++) {
        int current = partition;
        spill.read(
            partition,
            in -> {
              String key = (String) SpillValues.read(in);
              int value = in.readInt();
              if (key.equals("key-7")) {
                seen.add(key + "@" + value);
                partitionsOfKey7[0] = current;
              }
            });
      }
      assertThat(partitionsOfKey7[0]).isEqualTo(SpillPartitions.partitionOf("key-7", 8));
    }
    assertThat(seen).hasSize(27).first().isEqualTo("key-7@7");
    assertThat(seen).element(1).isEqualTo("key-7@44");
  }

  @Test
  void close_afterWriting_deletesItsFolder() throws IOException {
    try (SpillPartitions spill = SpillPartitions.create(dir, "keys", 4)) {
      SpillValues.write(spill.append("a"), "a");
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void write_everyPrimitiveValue_readsBackEqual() throws IOException {
    List<Object> values =
        List.of(
            "grüezi",
            42,
            42L,
            1.5d,
            2.5f,
            true,
            new BigDecimal("12.340"),
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58, 123_456_000),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000),
            OffsetDateTime.parse("2024-01-02T03:04:05.000006+05:30"),
            UUID.fromString("4f1c2b7e-0000-4000-8000-000000000001"),
            ByteBuffer.wrap(new byte[] {1, 2, 3}));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (Object value : values) {
      SpillValues.write(out, value);
    }
    SpillValues.write(out, null);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    List<Object> read = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      read.add(SpillValues.read(in));
    }
    assertThat(read).isEqualTo(values);
    assertThat(SpillValues.read(in)).isNull();
  }

  @Test
  void write_valueOfANestedType_isRefusedNamingTheType() {
    DataOutputStream out = new DataOutputStream(new ByteArrayOutputStream());
    assertThatThrownBy(() -> SpillValues.write(out, List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot spill a value of type java.util.");
  }
}
