package org.disclosuredesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into the one error shape, with Chinese messages; never a stack
 * trace.
 */
@RestControllerAdvice(basePackages = "org.disclosuredesk")
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(BadInputException.class)
  ResponseEntity<ApiError> badInput(BadInputException e) {
    return badRequest(e.fields());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> fields.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
    return badRequest(fields);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> violation(ConstraintViolationException e) {
    Map<String, String> fields =
        e.getConstraintViolations().stream()
            .collect(
                Collectors.toMap(
                    v -> lastNode(v.getPropertyPath().toString()),
                    v -> v.getMessage(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    return badRequest(fields);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> methodValidation(HandlerMethodValidationException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            fields.putIfAbsent(
                                r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())));
    return badRequest(fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return badRequest(Map.of(path(u), "未知字段"));
    }
    if (cause instanceof InvalidFormatException f) {
      return badRequest(Map.of(path(f), "格式或取值无效：" + String.valueOf(f.getValue())));
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return badRequest(Map.of(path(m), "类型不符"));
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return badRequest(Map.of(path(m), "取值无效"));
    }
    if (cause instanceof JsonProcessingException) {
      return badRequest(Map.of("body", "请求体不是有效的 JSON"));
    }
    return badRequest(Map.of("body", "缺少请求体或请求体无法读取"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e) {
    return badRequest(Map.of(e.getParameterName(), "必填"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> paramType(MethodArgumentTypeMismatchException e) {
    return badRequest(Map.of(e.getName(), "格式或取值无效：" + e.getValue()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "请求体须为 application/json", Map.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
        .body(new ApiError("NOT_ACCEPTABLE", "不支持所要求的返回格式", Map.of()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(new ApiError("METHOD_NOT_ALLOWED", "不支持此请求方法：" + e.getMethod(), Map.of()));
  }

  @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
  ResponseEntity<ApiError> notFound(Exception e) {
    String msg = e instanceof NotFoundException ? e.getMessage() : "没有这个地址";
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(new ApiError("NOT_FOUND", msg, Map.of()));
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ApiError> tooMany(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .body(
            new ApiError(
                "TOO_MANY_REQUESTS",
                e.getMessage() + "，请 " + e.retryAfterSeconds() + " 秒后再试",
                Map.of()));
  }

  @ExceptionHandler({
    org.springframework.web.multipart.MaxUploadSizeExceededException.class,
    TooLargeException.class
  })
  ResponseEntity<ApiError> tooLarge(Exception e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(new ApiError("PAYLOAD_TOO_LARGE", "文件太大", Map.of("file", "文件太大")));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(new ApiError("FORBIDDEN", e.getMessage(), Map.of()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError("CONFLICT", e.getMessage(), Map.of()));
  }

  /** Two people acted on one request at the same moment: one wins, the other is told to reload. */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<ApiError> concurrent(Exception e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError("CONFLICT", "该申请刚被他人处理，请刷新后重试", Map.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("unexpected failure of an API call", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(new ApiError("INTERNAL_ERROR", "系统内部错误，请稍后重试或联系管理员", Map.of()));
  }

  private static ResponseEntity<ApiError> badRequest(Map<String, String> fields) {
    return ResponseEntity.badRequest()
        .body(new ApiError("BAD_REQUEST", "输入有误，请检查：" + String.join("、", fields.keySet()), fields));
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  private static String lastNode(String path) {
    int i = path.indexOf('.');
    return i < 0 ? path : path.substring(i + 1);
  }
}
