package io.medallion.core.internal.exec;

import io.medallion.MedallionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items from the calling thread to one consumer thread, in order, through a bounded queue of
 * chunks: the producer (e.g. Parquet decoding and JSON parsing) and the consumer (mapping and
 * scoring) run on two cores, and memory stays bounded by the queue. Only the consumer thread calls
 * the downstream consumer, so it needs no synchronization; {@link #close()} waits for it, so
 * everything it did happens-before the caller continues.
 *
 * <pre>{@code
 * try (Handoff<SourceRow> handoff = Handoff.start("silver-map", batch::accept)) {
 *   reader.read(handoff);
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Handoff<T> implements Consumer<T>, AutoCloseable {
  private static final int CHUNK = 256;
  private static final int CHUNKS_IN_FLIGHT = 16;

  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
  private final List<T> end = new ArrayList<>(0);
  private final Thread worker;
  private volatile Throwable failure;
  private boolean failureThrown;
  private List<T> chunk = new ArrayList<>(CHUNK);
  private boolean closed;

  private Handoff(String name, Consumer<T> downstream) {
    worker = new Thread(() -> drain(downstream), name);
    worker.setDaemon(true);
  }

  /**
   * Starts the consumer thread.
   *
   * @param name the thread name, shown in profiles and thread dumps
   * @param downstream what consumes each item, on the consumer thread only
   * @param <T> the item type
   * @return the running hand-off; close it to wait for the consumer
   */
  public static <T> Handoff<T> start(String name, Consumer<T> downstream) {
    Handoff<T> handoff = new Handoff<>(name, downstream);
    handoff.worker.start();
    return handoff;
  }

  @Override
  public void accept(T item) {
    chunk.add(item);
    if (chunk.size() == CHUNK) {
      put(chunk);
      chunk = new ArrayList<>(CHUNK);
    }
  }

  /**
   * Flushes the last chunk and waits until the consumer has consumed everything.
   *
   * @throws RuntimeException the consumer's failure, as it was thrown
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (failure == null) {
      if (!chunk.isEmpty()) {
        put(chunk);
      }
      put(end);
    }
    try {
      worker.join();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new MedallionException("Interrupted while waiting for " + worker.getName(), e);
    }
    rethrowFailure();
  }

  private void put(List<T> items) {
    try {
      while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
        // The consumer died: stop producing instead of waiting for space forever.
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new MedallionException("Interrupted while handing work to " + worker.getName(), e);
    }
    rethrowFailure();
  }

  private void drain(Consumer<T> downstream) {
    try {
      while (true) {
        List<T> items = queue.take();
        if (items == end) {
          return;
        }
        items.forEach(downstream);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private void rethrowFailure() {
    Throwable thrown = failure;
    if (thrown == null || failureThrown) {
      return;
    }
    // Thrown once: try-with-resources would otherwise add the exception to itself as suppressed.
    failureThrown = true;
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    throw new MedallionException(worker.getName() + " was interrupted", thrown);
  }
}
