// The manager's statistics page: saves table 二 (PUT, with the session's CSRF token); each field's error beside it.
// Empty = not filled in (null); a number as a JSON number; anything else as typed, so the server names the problem.
(function () {
  'use strict';
  var form = document.getElementById('proactive-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var status = document.getElementById('proactive-status');
    var body = {};
    form.querySelectorAll('.error').forEach(function (x) { x.textContent = ''; });
    form.querySelectorAll('input[name]').forEach(function (input) {
      var v = input.value.trim();
      body[input.name] = v === '' ? null : (/^-?[0-9]+([.][0-9]+)?$/.test(v) ? Number(v) : v);
    });
    status.textContent = '正在保存……';
    window.deskFetch(form.dataset.url, {method: 'PUT', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (answer) { return {ok: r.ok, answer: answer}; }); })
      .then(function (r) {
        if (r.ok) {
          status.textContent = '已保存：' + r.answer.updatedAt.replace('T', ' ') + '（' + r.answer.updatedBy + '）';
          return;
        }
        status.textContent = r.answer.message || '保存失败';
        Object.keys(r.answer.fields || {}).forEach(function (field) {
          var el = document.getElementById('error-' + field);
          if (el) { el.textContent = r.answer.fields[field]; }
        });
      })
      .catch(function () { status.textContent = '保存失败，请检查网络后重试'; });
  });
}());
