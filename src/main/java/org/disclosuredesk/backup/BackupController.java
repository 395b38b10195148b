package org.disclosuredesk.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.disclosuredesk.apidocs.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/backup}: the admin's online backup of the embedded database (camunda-admin
 * only).
 */
@Tag(name = ApiDocumentation.OPERATIONS)
@RestController
@RequestMapping("/api/admin")
class BackupController {

  private final DatabaseBackups backups;

  BackupController(DatabaseBackups backups) {
    this.backups = backups;
  }

  @Operation(
      summary = "在线备份内嵌数据库",
      description =
          """
      **角色**：系统管理员（camunda-admin）。

      将内嵌 H2 数据库在线备份到数据目录的 `backups/` 下（MySQL 请用数据库自己的备份工具）。\
      返回 201 `{file, sizeBytes, createdAt}`。""")
  @PostMapping("/backup")
  @ResponseStatus(HttpStatus.CREATED)
  DatabaseBackups.Backup backUp() {
    return backups.backUp();
  }
}
