package io.medallion.core.internal.silver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Row hashes are stored in silver: a faster way to compute them must give the same values. */
class RowHashTest {
  private static final Object[] ROW = {"u-1", 42, 7L, 3.5, true, null, List.of("a", "b"), "Zoë"};

  @Test
  void of_sameRowAsEarlierVersions_sameHashAsTheyStored() {
    // Values the byte-by-byte digest of earlier versions gave; lakes they wrote hold them.
    assertThat(new RowHash().of(ROW, new byte[] {1, 0, 2})).isEqualTo(-2112800179481368504L);
    assertThat(new RowHash().of(new Object[0], new byte[0])).isEqualTo(-3162216497309240828L);
  }

  @Test
  void of_reusedForAnotherRow_forgetsThePreviousOne() {
    RowHash hash = new RowHash();
    hash.of(
        new Object[] {"a much longer value than the next row's, to leave bytes behind"},
        new byte[0]);

    assertThat(hash.of(ROW, new byte[] {1, 0, 2})).isEqualTo(-2112800179481368504L);
  }

  @Test
  void of_outcomeDiffers_hashDiffers() {
    RowHash hash = new RowHash();

    assertThat(hash.of(ROW, new byte[] {1, 0, 2})).isNotEqualTo(hash.of(ROW, new byte[] {1, 1, 2}));
  }
}
