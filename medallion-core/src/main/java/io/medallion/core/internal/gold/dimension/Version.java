package io.medallion.core.internal.gold.dimension;

/**
 * One period of a type 2 member: it starts at the first observation of its tracked values and
 * carries the attributes of the latest observation that kept them.
 */
final class Version {
  private final long from;
  private final Object[] tracked;
  private long lastSeen;
  private Object[] attributes;

  Version(Observation first) {
    this.from = first.at();
    this.tracked = first.tracked();
    this.lastSeen = first.at();
    this.attributes = first.attributes();
  }

  /** A later (or equally timed) observation with the same tracked values. */
  void seen(Observation later) {
    lastSeen = later.at();
    attributes = later.attributes();
  }

  long from() {
    return from;
  }

  long lastSeen() {
    return lastSeen;
  }

  Object[] tracked() {
    return tracked;
  }

  Object[] attributes() {
    return attributes;
  }
}
