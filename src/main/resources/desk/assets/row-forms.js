// A form in its own table row under the row it acts on, opened by a button (aria-controls names the form's row),
// closed by its cancel button, and the JSON answer of what it sends: shared by the 网上申请 page's 转送
// (submissions.js) and the supervising office's 督办 (supervision.js).
(function () {
  'use strict';

  /** Shows or hides the row the button controls; an opened row's first field takes the focus. */
  function toggle(button, open) {
    var row = document.getElementById(button.getAttribute('aria-controls'));
    row.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      row.querySelector('select, textarea, input').focus();
    }
  }

  window.deskRowForms = {
    /**
     * Buttons marked data-{name}-toggle open and close their form's row; data-{name}-cancel closes the row it is in
     * (class {name}-row) and gives the focus back to the button that opened it.
     */
    wire: function (name) {
      document.addEventListener('click', function (e) {
        var open = e.target.closest('[data-' + name + '-toggle]');
        if (open) {
          toggle(open, open.getAttribute('aria-expanded') !== 'true');
          return;
        }
        var cancel = e.target.closest('[data-' + name + '-cancel]');
        if (cancel) {
          var row = cancel.closest('.' + name + '-row');
          var button = document.querySelector('[aria-controls="' + row.id + '"]');
          toggle(button, false);
          button.focus();
        }
      });
    },

    /** The answer as {status, json}; json is null when the body is no JSON (e.g. the login page after a time-out). */
    answer: function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (type.indexOf('json') < 0) {
        return Promise.resolve({status: r.status, json: null, redirected: r.redirected});
      }
      return r.json().then(function (j) { return {status: r.status, json: j}; },
        function () { return {status: r.status, json: null}; });
    },

    /** Whether the answer is the login page instead of ours: the session has expired. */
    expired: function (r) {
      return r.redirected || (r.status === 200 && !r.json);
    },

    /** The message for an answer no rule of the page explains: the server's, with the status. */
    other: function (r, what) {
      return ((r.json && r.json.message) || what) + '（' + r.status + '），请稍后重试。';
    }
  };
}());
