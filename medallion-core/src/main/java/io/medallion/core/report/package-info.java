/**
 * Writes a {@link io.medallion.report.QualityReport} as JSON (for machines and the next run's
 * trend), Markdown (for pull requests and chat) and a self-contained HTML page with inline SVG
 * charts (for people).
 *
 * <pre>{@code
 * ReportFiles.Written files = ReportFiles.write(report, Path.of("lakehouse/reports/users"));
 * files.html(); // lakehouse/reports/users/report.html
 * }</pre>
 */
package io.medallion.core.report;
