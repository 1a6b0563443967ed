package io.medallion.core.internal.gold.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The observations of one type 2 member, folded into versions. A version starts wherever the
 * tracked values differ from the observation before, in change-time order, so a change that arrives
 * late splits the period it belongs to; a change of attributes alone updates the version it falls
 * in. The versions a dimension already holds are fed back as observations at their start and at
 * their last sighting, so folding them again with nothing new gives the same versions.
 *
 * <pre>{@code
 * MemberHistory history = new MemberHistory();
 * history.observe(new Observation(t1, new Object[] {"a@x"}, new Object[0]));
 * history.versions(); // one version from t1
 * }</pre>
 */
final class MemberHistory {
  private final List<Observation> observations = new ArrayList<>(2);

  void observe(Observation observation) {
    observations.add(observation);
  }

  /** Feeds back a version the dimension holds. */
  void observeStored(long from, long lastSeen, Object[] tracked, Object[] attributes) {
    observe(new Observation(from, tracked, attributes));
    if (lastSeen != from) {
      observe(new Observation(lastSeen, tracked, attributes));
    }
  }

  /**
   * Returns the versions, oldest first; each ends where the next starts, the last is current.
   *
   * @return at least one version
   */
  List<Version> versions() {
    observations.sort(Observation.CHRONOLOGICAL);
    List<Version> versions = new ArrayList<>(2);
    for (Observation observation : observations) {
      Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (last != null && Arrays.equals(last.tracked(), observation.tracked())) {
        last.seen(observation);
      } else if (last != null && last.from() == observation.at()) {
        // Two states at one instant: the one ordered last wins, and may continue the one before.
        versions.remove(versions.size() - 1);
        Version before = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (before != null && Arrays.equals(before.tracked(), observation.tracked())) {
          before.seen(observation);
        } else {
          versions.add(new Version(observation));
        }
      } else {
        versions.add(new Version(observation));
      }
    }
    return versions;
  }
}
