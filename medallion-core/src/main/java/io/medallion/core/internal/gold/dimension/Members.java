package io.medallion.core.internal.gold.dimension;

import java.util.List;
import java.util.Map;

/**
 * The members of one dimension being rebuilt: what the table holds and what the source shows, each
 * kept per business key, so a run that reads only the keys its source touched can rebuild just
 * those.
 */
interface Members {

  /**
   * Takes one row the dimension holds (never the unknown member).
   *
   * @param businessKey the row's business key
   * @param row the row's values in the table's column order
   */
  void stored(List<Object> businessKey, Object[] row);

  /**
   * Takes one source row.
   *
   * @param businessKey its business key
   * @param observation its values at its change time
   */
  void observed(List<Object> businessKey, Observation observation);

  /**
   * Returns the rows the dimension should hold, per business key, in the table's column order.
   *
   * @param keys the surrogate key source
   * @return the rows of each member
   */
  Map<List<Object>, List<Object[]>> rows(SurrogateKeys keys);
}
