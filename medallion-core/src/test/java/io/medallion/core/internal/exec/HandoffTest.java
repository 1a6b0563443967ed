package io.medallion.core.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HandoffTest {
  @Test
  void accept_manyItems_consumedInOrderOnTheConsumerThread() {
    List<Integer> consumed = new ArrayList<>();
    List<String> threads = new ArrayList<>();

    try (Handoff<Integer> handoff =
        Handoff.start(
            "test-consumer",
            item -> {
              consumed.add(item);
              if (threads.isEmpty()) {
                threads.add(Thread.currentThread().getName());
              }
            })) {
      IntStream.range(0, 10_000).forEach(handoff::accept);
    }

    assertThat(consumed).containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
    assertThat(threads).containsExactly("test-consumer");
  }

  @Test
  void close_noItems_returnsAtOnce() {
    List<Object> consumed = new ArrayList<>();

    Handoff.start("idle", consumed::add).close();

    assertThat(consumed).isEmpty();
  }

  @Test
  void accept_consumerFails_producerGetsThatExceptionOnce() {
    IllegalStateException broken = new IllegalStateException("row 300 is broken");

    assertThatThrownBy(
            () -> {
              try (Handoff<Integer> handoff =
                  Handoff.start(
                      "failing",
                      item -> {
                        if (item == 300) {
                          throw broken;
                        }
                      })) {
                IntStream.range(0, 100_000).forEach(handoff::accept);
              }
            })
        .isSameAs(broken)
        .satisfies(thrown -> assertThat(thrown.getSuppressed()).isEmpty());
  }

  @Test
  void close_consumerFailsOnTheLastChunk_rethrowsFromClose() {
    assertThatThrownBy(
            () -> {
              try (Handoff<Integer> handoff =
                  Handoff.start(
                      "late-failure",
                      item -> {
                        throw new IllegalArgumentException("bad item " + item);
                      })) {
                handoff.accept(7);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad item 7");
  }
}
