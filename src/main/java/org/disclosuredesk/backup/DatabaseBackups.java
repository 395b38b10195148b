package org.disclosuredesk.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Online backup of the embedded H2 file database: the running app holds the file open, so copying
 * it by hand may give a torn copy. H2's {@code BACKUP TO} writes a consistent zip while requests go
 * on (README "备份与恢复"). MySQL and MariaDB are backed up from outside with {@code mariadb-dump
 * --single-transaction}; there this answers 409.
 */
@Service
public class DatabaseBackups {

  /** What the admin is told; the file name sorts by time. */
  public record Backup(String file, long sizeBytes, OffsetDateTime createdAt) {}

  static final String PREFIX = "disclosure-desk-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

  private final BackupRepository database;
  private final BusinessClock clock;
  private final Path folder;

  public DatabaseBackups(
      BackupRepository database,
      BusinessClock clock,
      @Value("${disclosure.data-dir:./data}") String dataDir) {
    this.database = database;
    this.clock = clock;
    this.folder = Path.of(dataDir, "backups").toAbsolutePath().normalize();
  }

  /**
   * One backup into {@code ${disclosure.data-dir}/backups}; one at a time (H2 is never clustered).
   */
  public synchronized Backup backUp() {
    BackupRepository.Database db = database.database();
    if (db.vendor().contains("mysql") || db.vendor().contains("mariadb")) {
      throw new ConflictException(
          "当前数据库为 MySQL/MariaDB，请在数据库服务器上用 mariadb-dump（或 mysqldump）"
              + " --single-transaction 做一致性备份，命令见 README「备份与恢复」");
    }
    if (!db.vendor().equals("h2")) {
      throw new ConflictException("不支持在线备份此数据库（" + db.productName() + "），请用数据库自带的备份工具");
    }
    if (db.url().startsWith("jdbc:h2:mem:")) {
      throw new ConflictException("当前为内存数据库，没有可备份的文件");
    }
    OffsetDateTime now =
        clock.now().atZone(clock.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
    Path file = freeName(now);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the backup folder " + folder, e);
    }
    long t0 = System.nanoTime();
    database.backUpH2To(file);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException("the backup " + file + " was not written", e);
    }
    log.info(
        "H2 online backup {} ({} bytes) in {} ms",
        file,
        size,
        (System.nanoTime() - t0) / 1_000_000);
    return new Backup(file.toString(), size, now);
  }

  /**
   * {@code disclosure-desk-20260301-101500.zip}, or with {@code -2}, {@code -3} for a second one in
   * that second.
   */
  private Path freeName(OffsetDateTime at) {
    String stem = PREFIX + STAMP.format(at);
    Path file = folder.resolve(stem + ".zip");
    for (int i = 2; Files.exists(file); i++) {
      file = folder.resolve(stem + "-" + i + ".zip");
    }
    return file;
  }
}
