/**
 * The quality report of one silver table run, as an immutable value: row counts, average scores
 * overall and per {@link io.medallion.quality.Dimension}, per-rule statistics, the score
 * distribution, the most frequent failures with masked sample rows, and the trend over past runs.
 *
 * <p>The engine makes a report from a silver run's figures; {@code medallion-core} writes it as
 * JSON, Markdown and a self-contained HTML page. Sample values are masked with {@link
 * io.medallion.report.Masking} before they enter a report.
 *
 * <pre>{@code
 * QualityReport report = runtime.run(pipeline).report(users.id()).orElseThrow();
 * report.rows().quarantinedShare();
 * }</pre>
 */
package io.medallion.report;
