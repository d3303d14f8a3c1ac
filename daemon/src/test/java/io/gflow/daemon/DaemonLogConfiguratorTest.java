package io.gflow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DaemonLogConfiguratorTest {
  @Test
  void configure_noLogbackFileNamed_oneStderrAppenderWithTheDaemonsPattern() {
    LoggerContext context = new LoggerContext();
    DaemonLogConfigurator configurator = new DaemonLogConfigurator();
    configurator.setContext(context);

    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.toLevel(System.getenv("GFLOWD_LOG_LEVEL"), Level.INFO), root.getLevel());
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertTrue(appender.isStarted());
    assertEquals("System.err", appender.getTarget());
    assertEquals(
        DaemonLogConfigurator.PATTERN, ((PatternLayoutEncoder) appender.getEncoder()).getPattern());
  }

  @Test
  void serviceLoader_findsIt_soTheDaemonsLoggingNeedsNoXml() {
    LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = running.getLogger(Logger.ROOT_LOGGER_NAME);

    assertTrue(root.getAppender("STDERR") instanceof ConsoleAppender);
  }
}
