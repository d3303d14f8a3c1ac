package io.gflow.daemon.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs handlers for SIGTERM/SIGINT (orderly stop) and SIGHUP (reload) through {@code
 * sun.misc.Signal} of the jdk.unsupported module, the only way to see SIGHUP in Java. It is bound
 * reflectively so that the build's {@code -Werror} need not accept proprietary-API warnings.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  static void onTerminate(Runnable action) {
    handle("TERM", action);
    handle("INT", action);
  }

  static void onHangup(Runnable action) {
    handle("HUP", action);
  }

  private static void handle(String name, Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      Object handler =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  action.run();
                  return null;
                }
                return method.invoke(action, args);
              });
      Method install = signalClass.getMethod("handle", signalClass, handlerClass);
      install.invoke(null, signal, handler);
    } catch (ReflectiveOperationException | IllegalArgumentException unavailable) {
      Throwable cause =
          unavailable instanceof InvocationTargetException invocation
              ? invocation.getCause()
              : unavailable;
      LOG.warn("cannot handle SIG{}: {}", name, String.valueOf(cause));
    }
  }
}
