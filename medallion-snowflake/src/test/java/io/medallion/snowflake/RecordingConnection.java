package io.medallion.snowflake;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real embedded database (SQLite) behind a recording wrapper: the apply's ledger statements run
 * in SQLite for real, and every Snowflake statement is recorded in order instead of being sent to
 * an account none of the tests can reach. A statement containing {@link #failOn} fails with a
 * Snowflake-style message, to test stopping on the first failure.
 */
final class RecordingConnection {
  static final String LEDGER = "medallion_applied";

  final List<String> statements = new ArrayList<>();
  private final Connection sqlite;
  String failOn;
  String failureMessage = "SQL compilation error: Object does not exist or not authorized.";

  RecordingConnection(Connection sqlite) {
    this.sqlite = sqlite;
  }

  Connection connection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createStatement")
                  && (args == null || args.length == 0)) {
                return statement(sqlite.createStatement());
              }
              return invoke(sqlite, method, args);
            });
  }

  private Statement statement(Statement real) {
    return (Statement)
        Proxy.newProxyInstance(
            Statement.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> {
              if (method.getName().equals("execute") && args.length == 1) {
                String sql = (String) args[0];
                if (!sql.contains(LEDGER)) {
                  statements.add(sql);
                  if (failOn != null && sql.contains(failOn)) {
                    throw new SQLException(failureMessage, "42000", 2003);
                  }
                  return false;
                }
              }
              return invoke(real, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
