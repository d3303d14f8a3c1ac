package io.gflow.daemon.socket;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a file-system {@link IOException} into words for a user message ("permission denied"), not
 * a class name: {@code AccessDeniedException}'s message is only the path, which is all an ordinary
 * user saw when gflowd could not create a root-owned directory. Stateless and thread-safe.
 */
public final class FileErrors {
  private FileErrors() {}

  /** Why the operation failed, without the path: "permission denied", "no such file", .... */
  public static String reason(IOException failed) {
    if (failed instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failed instanceof NoSuchFileException) {
      return "no such file";
    }
    if (failed instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (failed instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason().toLowerCase(Locale.ROOT);
    }
    return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
  }

  /** {@code "<path>: <reason>"} when the failure names a path, else {@link #reason}. */
  public static String describe(IOException failed) {
    if (failed instanceof FileSystemException fileSystem && fileSystem.getFile() != null) {
      return fileSystem.getFile() + ": " + reason(failed);
    }
    return reason(failed);
  }

  /**
   * Why {@code dir} (a {@code what}, e.g. "state dir") could not be made and how to get past it:
   * {@code "cannot create state dir /var/lib/gflow: permission denied: create it for uid 1000 or
   * use another --state-dir"}. Names the failing path too when it is a parent of {@code dir}.
   */
  public static String cannotCreate(
      String what, Path dir, long ownUid, String option, IOException failed) {
    boolean aboutDir =
        !(failed instanceof FileSystemException fileSystem)
            || fileSystem.getFile() == null
            || dir.toString().equals(fileSystem.getFile());
    return "cannot create "
        + what
        + " "
        + dir
        + ": "
        + (aboutDir ? reason(failed) : describe(failed))
        + ": create it for uid "
        + ownUid
        + " or use another "
        + option;
  }
}
