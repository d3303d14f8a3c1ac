package io.gflow.protocol.rpc;

import java.io.IOException;

/** A frame grew past the limit before its newline arrived. The stream cannot be resynchronised. */
public final class FrameTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public FrameTooLargeException(int limit) {
    super("frame is larger than " + limit + " bytes");
  }
}
