/**
 * AWS Glue Data Quality rulesets (DQDL) as medallion quality rules: {@link
 * io.medallion.core.dqdl.DqdlRuleset} parses a ruleset with AWS's own parser and translates each
 * rule, reporting every rule it cannot translate.
 *
 * <pre>{@code
 * DqdlRuleset ruleset = DqdlRuleset.parse("Rules = [ IsComplete \"email\", IsUnique \"id\" ]");
 * List<Rule> rowRules = ruleset.rules();
 * List<DatasetRule> batchRules = ruleset.datasetRules();
 * }</pre>
 */
package io.medallion.core.dqdl;
