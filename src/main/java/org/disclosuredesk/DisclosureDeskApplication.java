package org.disclosuredesk;

import org.disclosuredesk.common.XmlFactories;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Disclosure Desk 依申请公开办理系统: Camunda 7 workflow for requests under the 政府信息公开条例. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DisclosureDeskApplication {

  public static void main(String[] args) {
    XmlFactories.preferJdkDefaults();
    SpringApplication.run(DisclosureDeskApplication.class, args);
  }
}
