package io.gflow.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Measures the {@link Floors} of a run. Stateless. */
final class FloorBench {
  static final int CLIENTS = 16;

  private FloorBench() {}

  static Floors measure(BenchContext context) throws IOException {
    Sizes sizes = context.sizes();
    Path dir = Files.createDirectories(context.workDir().resolve("floors"));
    Floor echo;
    Floor connect;
    Floor throughput;
    try (EchoServer server = EchoServer.start(dir.resolve("echo.sock"))) {
      try (EchoClient client = EchoClient.connect(server.path())) {
        long[] nanos =
            Measure.samples(sizes.rpcSamples() / 5, sizes.rpcSamples(), i -> client.call());
        echo = new Floor("echo.persistent.p50", Percentiles.of(nanos).microsAt(50), "us");
      }
      long[] connects =
          Measure.samples(
              sizes.connectSamples() / 5,
              sizes.connectSamples(),
              i -> EchoClient.connectEchoClose(server.path()));
      connect =
          new Floor("echo.connect_per_request.p50", Percentiles.of(connects).microsAt(50), "us");
      double rate =
          Measure.throughput(
              CLIENTS, sizes.throughputNanos(), () -> EchoClient.connect(server.path()));
      throughput = new Floor("echo.persistent.16_clients", rate, "req/s");
    }
    Path helloDir = compileHello(dir);
    long[] hello =
        Measure.samples(
            1,
            sizes.coldStarts(),
            i ->
                Processes.time(
                    List.of(Processes.java(), "-cp", helloDir.toString(), "Hello"), null));
    long[] spawn =
        Measure.samples(
            10, sizes.coldStarts() * 5, i -> Processes.time(List.of("/bin/true"), null));
    long[] fsync = fsyncs(dir.resolve("fsync.dat"));
    return new Floors(
        echo,
        connect,
        throughput,
        new Floor("java_hello.p50", Percentiles.of(hello).millisAt(50), "ms"),
        new Floor("spawn_bin_true.p50", Percentiles.of(spawn).millisAt(50), "ms"),
        new Floor("fsync_small_file.p50", Percentiles.of(fsync).millisAt(50), "ms"));
  }

  /** Writes and compiles {@code Hello.java}; returns the class directory. */
  private static Path compileHello(Path dir) throws IOException {
    Path source = dir.resolve("Hello.java");
    Files.writeString(
        source,
        "public class Hello {\n"
            + "  public static void main(String[] args) {\n"
            + "    System.out.println(\"Hello\");\n"
            + "  }\n"
            + "}\n");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IOException("the bench needs a JDK (javac) to build the java Hello floor");
    }
    int status = compiler.run(null, null, null, "-d", dir.toString(), source.toString());
    if (status != 0) {
      throw new IOException("javac Hello.java failed with " + status);
    }
    return dir;
  }

  /** Appends 128 bytes and fsyncs, as a WAL commit does; returns the durations. */
  private static long[] fsyncs(Path file) throws IOException {
    ByteBuffer record = ByteBuffer.allocate(128);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND)) {
      return Measure.samples(
          5,
          100,
          i -> {
            channel.write(record.clear());
            channel.force(true);
          });
    }
  }
}
