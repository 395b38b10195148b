package org.disclosuredesk.security;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %maskedEx}: Spring Boot's stack trace ({@code %wEx}) with ID numbers and phones in
 * messages masked.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return PersonalData.maskText(super.throwableProxyToString(proxy));
  }
}
