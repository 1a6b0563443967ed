/**
 * Quality rules and policy as data: checks, weights, severities and what happens to rows that fall
 * below the policy.
 */
package io.medallion.quality;
