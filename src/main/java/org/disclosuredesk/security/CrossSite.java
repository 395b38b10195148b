package org.disclosuredesk.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request was sent by a browser on behalf of another site. Browsers say so in {@code
 * Sec-Fetch-Site} (Fetch Metadata) and, on every cross-origin POST, in {@code Origin}; scripts and
 * integrations send neither.
 */
final class CrossSite {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private CrossSite() {}

  static boolean stateChanging(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  static boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    // "none": the user typed or bookmarked it; "same-origin": our own page
    if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    // "null": a sandboxed frame, a data: page or a redirect from elsewhere; never one of ours
    return origin.equals("null") || !sameOrigin(origin, request);
  }

  /**
   * A browser rather than a script: it says where it fetches from, or sends cookies, or asks for a
   * page.
   */
  static boolean fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getHeader("Sec-Fetch-Mode") != null
        || request.getHeader("Origin") != null
        || request.getHeader("Cookie") != null
        || request.getHeader("X-Requested-With") != null
        || (accept != null && accept.contains("text/html"));
  }

  static boolean basic(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    try {
      URI o = URI.create(origin);
      int port =
          o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
      return request.getScheme().equalsIgnoreCase(o.getScheme())
          && request.getServerName().equalsIgnoreCase(o.getHost())
          && request.getServerPort() == port;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
