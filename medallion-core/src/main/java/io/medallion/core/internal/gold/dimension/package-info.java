/**
 * Dimensions: type 1 and type 2 members rebuilt per business key ({@code DimensionBuilder}, {@code
 * MemberHistory}), derived surrogate keys, the generated date dimension, and the point-in-time
 * lookup facts resolve their keys with ({@code DimensionLookup}).
 */
package io.medallion.core.internal.gold.dimension;
