/**
 * RandomUser (<a href="https://randomuser.me">randomuser.me</a>) data for the samples: an offline
 * {@link io.medallion.samples.randomuser.RandomUserGenerator} that produces records in the API 1.4
 * JSON shape, with configurable {@link io.medallion.samples.randomuser.Dirt}, and a retrying {@link
 * io.medallion.samples.randomuser.RandomUserClient} for the real API.
 *
 * <pre>{@code
 * RandomUserGenerator.withSeed(42).writeNdjson(writer, 1_000);
 * String page = RandomUserClient.builder().build()
 *     .fetchBody(RandomUserRequest.builder().results(10).seed("abc").build());
 * }</pre>
 */
package io.medallion.samples.randomuser;
