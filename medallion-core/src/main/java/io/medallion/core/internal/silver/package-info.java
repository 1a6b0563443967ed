/** Silver processing: mapping, standardizing, deriving, scoring, quarantining, de-duplicating. */
package io.medallion.core.internal.silver;
