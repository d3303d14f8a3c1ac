package io.gflow.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds picocli models in code for the commands whose cold start matters most ({@code gqueue},
 * {@code gcancel}): reading them from annotations costs a JVM ~100 ms of reflection and annotation
 * proxies at every start, which no class-data archive removes. The models come out as the
 * annotations would make them (same options, help text, man pages and completion; {@code
 * CommandSpecsTest} compares them). Stateless.
 */
public final class CommandSpecs {
  /** The key picocli files {@code mixinStandardHelpOptions} under. */
  private static final String HELP_MIXIN = "mixinStandardHelpOptions";

  private CommandSpecs() {}

  /** A command whose picocli model is built in code. */
  public interface Specified {
    /** A new model bound to this command's fields; call once per instance. */
    CommandSpec commandSpec();
  }

  /** The picocli command line for {@code command}: its own model, or one read from annotations. */
  public static CommandLine commandLine(Object command) {
    return command instanceof Specified specified
        ? new CommandLine(specified.commandSpec())
        : new CommandLine(command);
  }

  /**
   * A client command's model: {@code name}, {@code description}, the shared {@link ClientOptions},
   * as {@code @Command(name, mixinStandardHelpOptions = true, versionProvider =
   * Cli.VersionProvider.class, description)} plus {@code @Mixin ClientOptions options} would make
   * it. Add the command's own options, then call {@link #finish}.
   */
  public static CommandSpec client(
      Object command, String name, String description, ClientOptions options) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name);
    spec.versionProvider(new Cli.VersionProvider());
    spec.usageMessage().description(description);
    spec.addMixin("options", options.mixin());
    return spec;
  }

  /** Adds {@code -h/--help} and {@code -V/--version} last, as {@code mixinStandardHelpOptions}. */
  public static CommandSpec finish(CommandSpec spec) {
    CommandSpec help = CommandSpec.create();
    help.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .descriptionKey(HELP_MIXIN + ".help")
            .description("Show this help message and exit.")
            .build());
    help.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .descriptionKey(HELP_MIXIN + ".version")
            .description("Print version information and exit.")
            .build());
    spec.addMixin(HELP_MIXIN, help);
    return spec;
  }

  /** A flag: a {@code boolean} field read by {@code getter}, set by {@code setter}. */
  public static OptionSpec flag(
      String[] names, String description, Supplier<Boolean> getter, Consumer<Boolean> setter) {
    return OptionSpec.builder(names)
        .type(boolean.class)
        .description(description)
        .initialValue(getter.get())
        .setter(setter(getter, setter))
        .getter(getter(getter))
        .build();
  }

  /**
   * A single-valued option of {@code type}, bound to a field through {@code getter}/{@code setter}.
   */
  public static <T> OptionSpec option(
      String[] names,
      Class<T> type,
      String paramLabel,
      String description,
      Supplier<T> getter,
      Consumer<T> setter) {
    return OptionSpec.builder(names)
        .type(type)
        .paramLabel(paramLabel)
        .description(description)
        .initialValue(getter.get())
        .setter(setter(getter, setter))
        .getter(getter(getter))
        .build();
  }

  /** A repeatable {@code List<String>} option; {@code split} may be null. */
  public static OptionSpec listOption(
      String[] names,
      String split,
      String paramLabel,
      String description,
      Supplier<List<String>> getter,
      Consumer<List<String>> setter) {
    OptionSpec.Builder builder =
        OptionSpec.builder(names)
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel(paramLabel)
            .description(description)
            .initialValue(getter.get())
            .setter(setter(getter, setter))
            .getter(getter(getter));
    if (split != null) {
      builder.splitRegex(split);
    }
    return builder.build();
  }

  /** Positional {@code List<String>} parameters; required when {@code arity} asks for one. */
  public static PositionalParamSpec positionalList(
      String arity,
      String paramLabel,
      String description,
      Supplier<List<String>> getter,
      Consumer<List<String>> setter) {
    PositionalParamSpec.Builder builder = PositionalParamSpec.builder().arity(arity);
    return builder
        .required(builder.arity().min() > 0) // as @Parameters(arity) makes it
        .type(List.class)
        .auxiliaryTypes(String.class)
        .paramLabel(paramLabel)
        .description(description)
        .initialValue(getter.get())
        .setter(setter(getter, setter))
        .getter(getter(getter))
        .build();
  }

  private static IGetter getter(Supplier<?> supplier) {
    return new IGetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T get() {
        return (T) supplier.get();
      }
    };
  }

  private static <V> ISetter setter(Supplier<?> getter, Consumer<V> consumer) {
    return new ISetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T set(T value) {
        T old = (T) getter.get();
        consumer.accept((V) value);
        return old;
      }
    };
  }
}
