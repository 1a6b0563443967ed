/**
 * The medallion API: table ids, layers, pipelines and their validation.
 *
 * <p>Definitions are immutable values with no dependency beyond the JDK; the runtime in {@code
 * medallion-core} turns them into Iceberg tables.
 *
 * <h2>Builders</h2>
 *
 * <p>Every definition (tables, rules, policies, pipelines, maskings, catalog configs, maintenance
 * options) is made by a builder, and every builder follows the same scheme:
 *
 * <ul>
 *   <li><b>Required inputs go to the factory</b>: {@code SilverTable.builder(id, source)}. {@code
 *       build()} validates and throws one {@link io.medallion.ValidationException} listing every
 *       problem, each naming the value and what was allowed.
 *   <li><b>A single-valued property is set once.</b> Its setter is named after it ({@code
 *       description}, {@code policy}, {@code owner}, {@code partitionBy}); giving it again in the
 *       same builder is a problem ({@code description is set twice: a, then b; set it once}), never
 *       a silent overwrite. A property per key (a column's {@code doc} or {@code epochUnit}, a
 *       namespace's description, a column's masking kind) is set once per key.
 *   <li><b>A method named after the items adds.</b> {@code rules(Rule...)}, {@code
 *       datasetRules(...)}, {@code secretPaths(...)}, {@code groupBy(...)}, {@code
 *       showInReports(...)} and {@code tables(...)} add to what the builder holds, taking varargs,
 *       and a {@code List} overload where lists come from elsewhere ({@code rules(List)}). A method
 *       adding one item made from its arguments is named after that item: {@code map}, {@code
 *       derive}, {@code ruleFlag}, {@code count}; Masking's {@code email(columns...)} adds columns
 *       to that kind. Adding never replaces.
 *   <li><b>Replacing is explicit</b>: each collection has a {@code clear} method ({@code
 *       clearRules()}, {@code clearTables()}, {@code clearSecretPaths()}, ...) that empties it, so
 *       the items given next replace the old ones.
 *   <li><b>{@code toBuilder()}</b> on every definition returns a builder holding its values; built
 *       unchanged it gives an equal definition. Its single-valued properties may be set once more,
 *       which replaces the copied value.
 * </ul>
 *
 * <pre>{@code
 * SilverTable stricter = users.toBuilder()
 *     .description("users, strict")                  // replaces the copied description
 *     .clearRules()                                  // replaces the rules ...
 *     .rules(Rule.notNull("user_id").critical())     // ... with these
 *     .showInReports("nationality")                  // adds to the columns shown
 *     .build();
 * }</pre>
 */
package io.medallion;
