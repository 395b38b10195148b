package org.disclosuredesk.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (no handler for the path or method, a body
 * type no handler takes, a failure before any controller): the API's one error shape instead of
 * Spring's default page, so callers never see two formats. Errors inside our controllers are
 * answered by {@link ApiExceptionHandler}.
 */
@RestController
public class ApiErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ApiError> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer i && HttpStatus.resolve(i) != null
            ? HttpStatus.valueOf(i)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    ApiError body =
        switch (status) {
          case NOT_FOUND -> new ApiError("NOT_FOUND", "没有这个地址", Map.of());
          case METHOD_NOT_ALLOWED -> new ApiError("METHOD_NOT_ALLOWED", "此地址不支持该请求方法", Map.of());
          case UNSUPPORTED_MEDIA_TYPE ->
              new ApiError("UNSUPPORTED_MEDIA_TYPE", "请求体须为 application/json", Map.of());
          case NOT_ACCEPTABLE -> new ApiError("NOT_ACCEPTABLE", "不支持所要求的返回格式", Map.of());
          case BAD_REQUEST -> new ApiError("BAD_REQUEST", "请求无法解析", Map.of("request", "格式无效"));
          case UNAUTHORIZED -> new ApiError("UNAUTHORIZED", "需要登录：请使用用户名和密码（HTTP Basic）", null);
          case FORBIDDEN -> new ApiError("FORBIDDEN", "当前用户的角色无权执行此操作", null);
          case PAYLOAD_TOO_LARGE -> new ApiError("PAYLOAD_TOO_LARGE", "请求体过大", Map.of());
          default ->
              status.is5xxServerError()
                  ? new ApiError("INTERNAL_ERROR", "系统内部错误，请稍后重试或联系管理员", Map.of())
                  : new ApiError(status.name(), status.getReasonPhrase(), Map.of());
        };
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
