package io.gflow.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TomlTreeTest {
  @Test
  void read_documents_sameTreeAsTomlMapper() throws Exception {
    for (String text :
        List.of(
            "",
            "# only a comment\n",
            "socket = \"/run/gflow/gflowd.sock\"\nprivate_data = true\nallow_nobody = false\n",
            "admin_users = [\"alice\", 1001]\nadmin_groups = []\n",
            "[limits]\nmax_connections = 1024\nidle_timeout = \"60s\"\n[audit]\nkeep = 5\n",
            "[scheduler]\nslots = 2\ngpus = [0, 1, 3]\nratio = 0.5\nexp = 1e3\n",
            "big = 9223372036854775807\nbigger = 99999999999999999999\nneg = -7\nhex = 0xff\n",
            "a.b.c = 1\n[x.y]\nz = 'literal'\n[[jobs]]\nn = 1\n[[jobs]]\nn = 2\n",
            "inline = { a = 1, b = [true, false], c = { d = \"e\" } }\n",
            "when = 1979-05-27T07:32:00Z\nday = 1979-05-27\nnan = nan\ninf = -inf\n",
            "multi = \"\"\"\none\ntwo\"\"\"\nescaped = \"tab\\there \\u00e9\"\n")) {
      assertEquals(new TomlMapper().readTree(text), TomlTree.read(text), text);
    }
  }

  @Test
  void read_invalidToml_throwsWithTheLine() {
    JacksonException refused =
        assertThrows(JacksonException.class, () -> TomlTree.read("a = 1\nb = = 2\n"));

    assertEquals(2, refused.getLocation().getLineNr());
  }
}
