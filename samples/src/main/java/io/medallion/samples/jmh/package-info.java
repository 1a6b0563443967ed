/**
 * JMH micro-benchmarks of the inner hot paths: JSON parsing, silver mapping, rule evaluation and
 * the Parquet row write. Run them from the samples jar:
 *
 * <pre>{@code
 * java -cp samples/target/medallion-samples.jar org.openjdk.jmh.Main SilverHotPaths -f 1 -wi 3 -i 5
 * }</pre>
 */
package io.medallion.samples.jmh;
