/**
 * The quality report of one silver table run, as an immutable value: row counts, average scores
 * overall and per {@link io.medallion.quality.Dimension}, per-rule statistics, the score
 * distribution, the most frequent failures with masked sample rows, and the trend over past runs.
 *
 * <p>The engine fills a report through {@link io.medallion.report.QualityReport#builder}; {@code
 * medallion-core} writes it as JSON, Markdown and a self-contained HTML page. Sample values are
 * masked with {@link io.medallion.report.Masking} before they enter a report.
 *
 * <pre>{@code
 * QualityReport report =
 *     QualityReport.builder("silver.users", "run-42", Instant.now())
 *         .rows(1000, 950, 40, 10)
 *         .rowScore(0.95)
 *         .build();
 * }</pre>
 */
package io.medallion.report;
