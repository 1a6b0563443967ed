package io.medallion.core.quality;

import java.util.List;

/**
 * The quality verdict on one row.
 *
 * @param score the weighted share of applicable rules passed, in [0, 1]
 * @param failures each failed rule as {@code "rule: reason"}
 * @param criticalFailure whether a critical rule failed (or a value could not be typed)
 */
public record RowQuality(double score, List<String> failures, boolean criticalFailure) {}
