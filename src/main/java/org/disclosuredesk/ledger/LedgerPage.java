package org.disclosuredesk.ledger;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The clerk's page {@code /ledger}: template, import with a dry run, export (the API does the work). */
@RestController
public class LedgerPage {

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  @GetMapping("/ledger")
  ResponseEntity<byte[]> page() throws IOException {
    return ResponseEntity.ok().contentType(HTML).body(resource("index.html"));
  }

  @GetMapping("/ledger/{file:ledger\\.(?:js|css)}")
  ResponseEntity<byte[]> asset(@PathVariable String file) throws IOException {
    MediaType type = file.endsWith(".js") ? MediaType.parseMediaType("text/javascript;charset=UTF-8")
        : MediaType.parseMediaType("text/css;charset=UTF-8");
    return ResponseEntity.ok().contentType(type).body(resource(file));
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = new ClassPathResource("ledger/" + name).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
