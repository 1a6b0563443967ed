package io.medallion.core.internal.gold.dimension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Type 1: each member is its latest source row; what the table held does not matter. */
final class Type1Members implements Members {
  private final int keyWidth;
  private final Map<List<Object>, Observation> latest = new HashMap<>();

  Type1Members(int keyWidth) {
    this.keyWidth = keyWidth;
  }

  @Override
  public void stored(List<Object> businessKey, Object[] row) {
    // Overwrite: the source alone decides every attribute.
  }

  @Override
  public void observed(List<Object> businessKey, Observation observation) {
    latest.merge(
        businessKey,
        observation,
        (held, next) -> Observation.CHRONOLOGICAL.compare(next, held) >= 0 ? next : held);
  }

  @Override
  public Map<List<Object>, List<Object[]>> rows(SurrogateKeys keys) {
    Map<List<Object>, List<Object[]>> rows = new HashMap<>(latest.size() * 2);
    latest.forEach(
        (businessKey, observation) -> {
          Object[] attributes = observation.attributes();
          Object[] row = new Object[1 + keyWidth + attributes.length];
          row[0] = keys.of(businessKey);
          for (int i = 0; i < keyWidth; i++) {
            row[1 + i] = businessKey.get(i);
          }
          System.arraycopy(attributes, 0, row, 1 + keyWidth, attributes.length);
          rows.put(businessKey, List.<Object[]>of(row));
        });
    return rows;
  }
}
