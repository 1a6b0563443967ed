package io.medallion.core.internal.quality;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The quality figures of a silver run that scored rows: what {@link QualityReports} turns into a
 * report.
 *
 * <pre>{@code
 * QualityReport report = QualityReports.of("people.users", run, quality);
 * }</pre>
 *
 * @param runId the id under which the run's metrics were recorded
 * @param runAt when the run happened
 * @param stats the quality figures of the rows scored
 * @param metrics the run's metrics
 * @param datasetResults the dataset rules' outcomes
 * @param history the metrics of earlier runs, oldest first
 */
public record RunQuality(
    String runId,
    OffsetDateTime runAt,
    QualityStats stats,
    Map<MetricKey, Double> metrics,
    List<DatasetRuleEvaluator.Result> datasetResults,
    List<MetricsTable.Run> history) {}
