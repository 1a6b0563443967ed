/**
 * Contact data quality: email address and phone number validation for silver rules.
 *
 * <p>{@link io.medallion.core.spi.contact.EmailValidator} checks a practical subset of RFC
 * 5321/5322 with internationalized addresses (RFC 6531), known top-level domains, disposable
 * providers and, optionally, DNS. {@link io.medallion.core.spi.contact.PhoneValidator} wraps Google
 * libphonenumber. Both are immutable, thread-safe and meant to be built once per pipeline.
 *
 * <pre>{@code
 * EmailValidator emails = EmailValidator.builder().build();
 * boolean ok = emails.validate("anna@example.com").valid();
 * }</pre>
 */
package io.medallion.core.spi.contact;
