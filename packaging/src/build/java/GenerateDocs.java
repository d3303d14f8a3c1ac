import io.gflow.cli.CommandSpecs;
import io.gflow.cli.batch.GbatchCommand;
import io.gflow.cli.cancel.GcancelCommand;
import io.gflow.cli.ctl.GctlCommand;
import io.gflow.cli.info.GinfoCommand;
import io.gflow.cli.job.GjobCommand;
import io.gflow.cli.queue.GqueueCommand;
import io.gflow.daemon.launch.GflowdCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool (run as a single-file source program by packaging/pom.xml): writes, from the
 * picocli model of every binary, the AsciiDoc man pages (one per command and subcommand, turned
 * into troff by asciidoctor) and the bash completion scripts.
 *
 * <p>Usage: {@code java -cp CLASSPATH GenerateDocs ADOC_DIR COMPLETION_DIR}
 */
final class GenerateDocs {
  private GenerateDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GenerateDocs ADOC_DIR COMPLETION_DIR");
    }
    Path adocDir = Files.createDirectories(Path.of(args[0]));
    Path completionDir = Files.createDirectories(Path.of(args[1]));
    List<Object> commands =
        List.of(
            new GbatchCommand(),
            new GqueueCommand(),
            new GcancelCommand(),
            new GjobCommand(),
            new GinfoCommand(),
            new GctlCommand(),
            new GflowdCommand());
    for (Object command : commands) {
      CommandLine commandLine = CommandSpecs.commandLine(command);
      String name = commandLine.getCommandName();
      int status =
          ManPageGenerator.generateManPage(
              adocDir.toFile(), null, new boolean[0], true, commandLine.getCommandSpec());
      if (status != 0) {
        throw new IOException("ManPageGenerator failed for " + name + ": status " + status);
      }
      Files.writeString(completionDir.resolve(name), AutoComplete.bash(name, commandLine));
    }
  }
}
