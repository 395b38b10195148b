package org.disclosuredesk.backup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/backup}: the admin's online backup of the embedded database (camunda-admin only). */
@RestController
@RequestMapping("/api/admin")
class BackupController {

  private final DatabaseBackups backups;

  BackupController(DatabaseBackups backups) {
    this.backups = backups;
  }

  @PostMapping("/backup")
  @ResponseStatus(HttpStatus.CREATED)
  DatabaseBackups.Backup backUp() {
    return backups.backUp();
  }
}
