/**
 * How stages share the machine's cores: a bounded hand-off that lets one thread produce records
 * while another consumes them, in order.
 */
package io.medallion.core.internal.exec;
