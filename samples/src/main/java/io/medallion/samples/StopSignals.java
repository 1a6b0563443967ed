package io.medallion.samples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop while this is open, instead of a JVM
 * shutdown: a stream must still commit after the signal, and Iceberg's worker pool refuses work
 * once the JVM shuts down. A second signal does what it did before (ends the JVM), for a stop that
 * hangs. It uses the JDK's {@code sun.misc.Signal} (module jdk.unsupported) by reflection, as Kafka
 * does, so that the build has no internal-API warning; where it is missing, signals end the JVM as
 * usual and the stream resumes from the offsets its table records.
 */
final class StopSignals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  private static final List<String> NAMES = List.of("INT", "TERM");

  private final List<Object> signals = new ArrayList<>();
  private final List<Object> previous = new ArrayList<>();
  private Method handle;

  /**
   * Installs the handlers.
   *
   * @param onStop what the first signal runs; it must return quickly
   */
  StopSignals(Runnable onStop) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      handle = signalClass.getMethod("handle", signalClass, handlerClass);
      Object handler =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                  return objectMethod(proxy, method, args);
                }
                restore();
                onStop.run();
                return null;
              });
      for (String name : NAMES) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        previous.add(handle.invoke(null, signal, handler));
        signals.add(signal);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Ctrl-C will end the program without a final commit: {}", e.toString());
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "StopSignals handler";
    }
  }

  private synchronized void restore() {
    try {
      for (int i = 0; i < signals.size(); i++) {
        handle.invoke(null, signals.get(i), previous.get(i));
      }
    } catch (IllegalAccessException | InvocationTargetException e) {
      LOG.warn("Could not restore the signal handlers: {}", e.toString());
    }
    signals.clear();
    previous.clear();
  }

  @Override
  public void close() {
    restore();
  }
}
