package io.medallion.core.spi;

import java.util.Map;

/**
 * What a source has consumed, committed in the same snapshot as the rows it produced: Kafka
 * offsets, a queue's sequence numbers. The engine stores the entries in the snapshot summary of the
 * commit that holds the rows, so rows and marker land together or not at all; on restart the source
 * reads the newest entries back ({@link io.medallion.core.BronzeAppender#recorded}) and resumes
 * after them.
 *
 * <p>{@link #entries} is called once per commit attempt with the entries as the table holds them
 * then, so a source merges its progress into what other writers recorded meanwhile, and refuses a
 * batch that no longer follows it.
 *
 * <pre>{@code
 * SourceMarker marker = new SourceMarker() {
 *   public String keyPrefix() { return "medallion.source.acme-queue."; }
 *   public Map<String, String> entries(Map<String, String> recorded) {
 *     long last = Long.parseLong(recorded.getOrDefault("medallion.source.acme-queue.next", "0"));
 *     if (last != batchStart) {
 *       throw new MarkerConflictException("queue moved on to " + last + "; read again");
 *     }
 *     return Map.of("medallion.source.acme-queue.next", Long.toString(batchEnd));
 *   }
 * };
 * }</pre>
 */
public interface SourceMarker {
  /** The start of every source-marker key; maintenance keeps the newest snapshot holding each. */
  String KEY_ROOT = "medallion.source.";

  /**
   * Marks a key as a note rather than a marker (e.g. {@code medallion.source.kafka.#moved}): it
   * need not be carried forward, and maintenance keeps no snapshot for it.
   */
  String NOTE = "#";

  /**
   * Returns the prefix every summary key of this source starts with; the newest snapshot holding a
   * key with this prefix is the one whose entries are recorded. It starts with {@link #KEY_ROOT}.
   *
   * @return the prefix, e.g. {@code "medallion.source.kafka."}
   */
  String keyPrefix();

  /**
   * Returns the entries to commit with the batch, all starting with {@link #keyPrefix()}. They
   * replace the recorded ones as a whole: carry forward what other writers recorded.
   *
   * @param recorded the entries of the newest snapshot holding any, empty when none does
   * @return the entries to commit
   * @throws MarkerConflictException when the batch does not follow what is recorded, for example
   *     because another writer committed the same input: nothing of the batch is committed
   */
  Map<String, String> entries(Map<String, String> recorded);
}
