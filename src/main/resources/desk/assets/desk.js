/*
 * The staff desk's one script: every fetch a page makes that changes something carries the session's CSRF token
 * (from the layout's meta tags), and buttons marked data-print print the page. No inline script anywhere (CSP).
 */
(function () {
  'use strict';
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  var header = meta('csrf-header');
  var token = meta('csrf-token');
  /** fetch() with the CSRF header added to writes; the pages call window.deskFetch instead of fetch. */
  window.deskFetch = function (url, options) {
    var o = Object.assign({ credentials: 'same-origin' }, options || {});
    var method = (o.method || 'GET').toUpperCase();
    if (header && token && ['GET', 'HEAD', 'OPTIONS'].indexOf(method) < 0) {
      o.headers = Object.assign({}, o.headers || {});
      o.headers[header] = token;
    }
    return fetch(url, o);
  };
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target.closest('[data-print]') : null;
    if (t) {
      e.preventDefault();
      window.print();
    }
  });
}());
