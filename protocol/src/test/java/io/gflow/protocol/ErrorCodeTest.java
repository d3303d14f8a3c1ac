package io.gflow.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorCodeTest {

  /** The table of SPEC §4, verbatim. */
  @ParameterizedTest(name = "{0} = {1}, exit {2}")
  @CsvSource({
    "PARSE_ERROR,      -32700,  1",
    "INVALID_REQUEST,  -32600,  1",
    "METHOD_NOT_FOUND, -32601,  1",
    "INVALID_PARAMS,   -32602,  2",
    "INTERNAL_ERROR,   -32603,  1",
    "UNAUTHENTICATED,  -32001, 77",
    "FORBIDDEN,        -32003, 77",
    "NOT_FOUND,        -32004,  4",
    "CONFLICT,         -32009,  5",
    "TOO_MANY,         -32029, 75",
    "UNAVAILABLE,      -32050, 75",
  })
  void errorCode_specTable_codeAndExitCode(String name, int code, int exitCode) {
    ErrorCode errorCode = ErrorCode.valueOf(name);

    assertEquals(code, errorCode.code());
    assertEquals(exitCode, errorCode.exitCode());
    assertSame(errorCode, ErrorCode.fromCode(code));
  }

  @Test
  void values_exactlyTheSpecTable() {
    assertEquals(11, ErrorCode.values().length);
    Set<Integer> codes =
        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());
    assertEquals(11, codes.size(), "codes are distinct, so fromCode is unambiguous");
  }

  @Test
  void exitCodes_neverSuccessOrUnreachable() {
    for (ErrorCode code : ErrorCode.values()) {
      assertNotExit(code, ExitCodes.OK);
      assertNotExit(code, ExitCodes.UNREACHABLE);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, -1, -32000, -32099, -32604, 32700, Integer.MIN_VALUE})
  void fromCode_unknownCode_internalError(int code) {
    assertSame(ErrorCode.INTERNAL_ERROR, ErrorCode.fromCode(code));
  }

  private static void assertNotExit(ErrorCode code, int exit) {
    if (code.exitCode() == exit) {
      throw new AssertionError(code + " maps to reserved exit code " + exit);
    }
  }
}
