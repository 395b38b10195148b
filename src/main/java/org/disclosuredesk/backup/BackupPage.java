package org.disclosuredesk.backup;

import jakarta.servlet.http.HttpServletRequest;
import org.disclosuredesk.desk.DeskLayout;
import org.disclosuredesk.desk.DeskTemplates;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's 数据备份 page: an online backup at the press of a button (POST /api/admin/backup does
 * it).
 */
@Controller
class BackupPage {

  record Model(DeskLayout.Page page) {}

  private final DeskTemplates templates;
  private final DeskLayout layout;

  BackupPage(DeskTemplates templates, DeskLayout layout) {
    this.templates = templates;
    this.layout = layout;
  }

  @GetMapping("/backup")
  ResponseEntity<String> page(Authentication auth, HttpServletRequest request) {
    return templates.page("backup", new Model(layout.page("数据备份", "/", auth, request)));
  }
}
