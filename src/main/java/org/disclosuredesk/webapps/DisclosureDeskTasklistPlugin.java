package org.disclosuredesk.webapps;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Our Tasklist plugin (Camunda's plugin SPI, registered in META-INF/services): the script {@code
 * plugin-webapp/disclosureDesk/app/plugin.js} that shows each task's request and statutory due
 * date, adds the search by tracking number or applicant and puts the Camunda Forms into Chinese,
 * and the REST resource it reads, served under {@code
 * /camunda/api/tasklist/plugin/disclosureDesk/{engine}/} behind the webapp's own login.
 */
public class DisclosureDeskTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "disclosureDesk";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TasklistPluginResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
