/**
 * Write-audit-publish for the engine: branch names and what audited commits record ({@code
 * AuditBranches}), a run's audit ({@code AuditRun}), publishing with a recorded intent and its
 * recovery ({@code AuditPublisher}), and the pending audits of a pipeline ({@code PipelineAudits}).
 */
package io.medallion.core.internal.audit;
