package io.medallion.core.internal.gold.dimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Type 2: each member's versions, folded from the versions the table holds and the source's rows.
 * Row layout: surrogate key, business key, tracked, attributes, valid_from, valid_to, is_current,
 * last_seen_at.
 */
final class Type2Members implements Members {
  private final int keyWidth;
  private final int trackedWidth;
  private final int attributeWidth;
  private final Map<List<Object>, MemberHistory> members = new HashMap<>();

  Type2Members(int keyWidth, int trackedWidth, int attributeWidth) {
    this.keyWidth = keyWidth;
    this.trackedWidth = trackedWidth;
    this.attributeWidth = attributeWidth;
  }

  @Override
  public void stored(List<Object> businessKey, Object[] row) {
    int tracked = 1 + keyWidth;
    int attributes = tracked + trackedWidth;
    int period = attributes + attributeWidth;
    long from = ChangeTimes.micros(row[period]);
    long lastSeen = ChangeTimes.micros(row[period + 3]);
    history(businessKey)
        .observeStored(
            from,
            lastSeen,
            Arrays.copyOfRange(row, tracked, attributes),
            Arrays.copyOfRange(row, attributes, period));
  }

  @Override
  public void observed(List<Object> businessKey, Observation observation) {
    history(businessKey).observe(observation);
  }

  private MemberHistory history(List<Object> businessKey) {
    return members.computeIfAbsent(businessKey, k -> new MemberHistory());
  }

  @Override
  public Map<List<Object>, List<Object[]>> rows(SurrogateKeys keys) {
    Map<List<Object>, List<Object[]>> rows = new HashMap<>(members.size() * 2);
    members.forEach(
        (businessKey, history) -> {
          List<Version> versions = history.versions();
          List<Object[]> out = new ArrayList<>(versions.size());
          for (int v = 0; v < versions.size(); v++) {
            Version version = versions.get(v);
            boolean current = v == versions.size() - 1;
            out.add(row(keys, businessKey, version, current ? null : versions.get(v + 1).from()));
          }
          rows.put(businessKey, out);
        });
    return rows;
  }

  private Object[] row(SurrogateKeys keys, List<Object> businessKey, Version version, Long to) {
    Object[] row = new Object[1 + keyWidth + trackedWidth + attributeWidth + 4];
    int i = 0;
    row[i++] = keys.of(businessKey, version.from());
    for (Object value : businessKey) {
      row[i++] = value;
    }
    for (Object value : version.tracked()) {
      row[i++] = value;
    }
    for (Object value : version.attributes()) {
      row[i++] = value;
    }
    row[i++] = ChangeTimes.timestamp(version.from());
    row[i++] = to == null ? null : ChangeTimes.timestamp(to);
    row[i++] = to == null;
    row[i] = ChangeTimes.timestamp(version.lastSeen());
    return row;
  }
}
