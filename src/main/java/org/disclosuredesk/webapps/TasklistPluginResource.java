package org.disclosuredesk.webapps;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.disclosuredesk.portal.SubmissionRepository;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The REST side of our Tasklist plugin. Camunda's webapp security admits only a user logged in to
 * Tasklist and sets that user as the engine's current authentication, so {@link TaskBriefs} sees
 * exactly the tasks the user's Tasklist shows. Jersey creates this class, so the Spring bean is
 * looked up in the servlet context.
 */
@Path("plugin/" + DisclosureDeskTasklistPlugin.ID)
public class TasklistPluginResource extends AbstractTasklistPluginRootResource {

  public TasklistPluginResource() {
    super(DisclosureDeskTasklistPlugin.ID);
  }

  /**
   * {@code GET …/{engine}/task-briefs?taskId=a&taskId=b}: tracking number, applicant, due date of
   * each task.
   */
  @GET
  @Path("{engine}/task-briefs")
  @Produces(MediaType.APPLICATION_JSON)
  public List<TaskBriefs.Brief> taskBriefs(
      @PathParam("engine") String engine, @QueryParam("taskId") List<String> taskIds) {
    return briefs().of(taskIds == null ? List.of() : taskIds);
  }

  /**
   * {@code GET …/{engine}/search?q=}: the user's tasks whose request matches a tracking/case number
   * or applicant.
   */
  @GET
  @Path("{engine}/search")
  @Produces(MediaType.APPLICATION_JSON)
  public List<TaskBriefs.Brief> search(
      @PathParam("engine") String engine, @QueryParam("q") String q) {
    return briefs().search(q);
  }

  /**
   * {@code GET …/{engine}/recent-registrations}: the requests the user registered last, with their
   * numbers.
   */
  @GET
  @Path("{engine}/recent-registrations")
  @Produces(MediaType.APPLICATION_JSON)
  public List<TaskBriefs.Registered> recentRegistrations(@PathParam("engine") String engine) {
    return briefs().recentlyRegistered(5);
  }

  /**
   * {@code GET …/{engine}/submissions/{number}/attachments/{id}}: an online application's upload,
   * as a download.
   */
  @GET
  @Path("{engine}/submissions/{number}/attachments/{attachmentId}")
  public jakarta.ws.rs.core.Response attachment(
      @PathParam("engine") String engine,
      @PathParam("number") String number,
      @PathParam("attachmentId") String attachmentId) {
    SubmissionRepository.AttachmentFile a = briefs().submissionAttachment(number, attachmentId);
    if (a == null) {
      return jakarta.ws.rs.core.Response.status(404).build();
    }
    return jakarta.ws.rs.core.Response.ok(a.content(), a.contentType())
        .header(
            "Content-Disposition",
            org.springframework.http.ContentDisposition.attachment()
                .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private TaskBriefs briefs() {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(TaskBriefs.class);
  }
}
