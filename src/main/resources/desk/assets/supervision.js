// The supervising office's 工作台: the 督办 form under each watched request, sent to
// POST /api/requests/{id}/supervision-notice with the session's CSRF token (deskFetch); the answer in Chinese.
(function () {
  'use strict';
  var forms = window.deskRowForms;

  function say(form, ok, text) {
    var result = form.querySelector('.notice-result');
    result.className = 'notice-result alert ' + (ok ? 'alert-ok' : 'alert-error');
    result.textContent = text;
  }

  function failure(r) {
    var j = r.json || {};
    if (forms.expired(r)) {
      return '登录已过期，请刷新页面并重新登录后再发送。';
    }
    if (r.status === 400 && j.fields && j.fields.text) {
      return '督办意见：' + j.fields.text;
    }
    if (r.status === 403) {
      return j.message || '您没有发出督办的权限（仅政府信息公开工作主管部门可以督办）。';
    }
    if (r.status === 404) {
      return '没有找到这件申请，请刷新页面。';
    }
    if (r.status === 409) {
      return j.message || '该申请已经办结，无需督办。';
    }
    return forms.other(r, '发送失败');
  }

  forms.wire('notice');

  document.addEventListener('input', function (e) {
    var form = e.target.closest ? e.target.closest('form.notice-form') : null;
    if (form && e.target.getAttribute('aria-invalid') && e.target.value.trim()) {
      e.target.removeAttribute('aria-invalid');
      form.querySelector('.notice-result').className = 'notice-result';
      form.querySelector('.notice-result').textContent = '';
    }
  });

  document.addEventListener('submit', function (e) {
    var form = e.target.closest('form.notice-form');
    if (!form) {
      return;
    }
    e.preventDefault();
    var area = form.elements.text;
    var text = area.value.trim();
    if (!text) {
      area.setAttribute('aria-invalid', 'true');
      say(form, false, '请填写督办意见。');
      area.focus();
      return;
    }
    area.removeAttribute('aria-invalid');
    var send = form.querySelector('button[type="submit"]');
    send.disabled = true;
    say(form, true, '正在发送……');
    var id = form.getAttribute('data-request');
    window.deskFetch('/api/requests/' + encodeURIComponent(id) + '/supervision-notice', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify({text: text})
    }).then(forms.answer).then(function (r) {
      if (r.status === 201 && r.json) {
        var at = String(r.json.at || '').replace('T', ' ');
        say(form, true, '督办已发送（' + at + '），已通知该机关负责人，并记入该申请的办理记录。');
        area.value = '';
        var count = Number(form.getAttribute('data-count') || '0') + 1;
        form.setAttribute('data-count', String(count));
        document.getElementById('notices-' + id).textContent = '已督办 ' + count + ' 次';
      } else {
        say(form, false, failure(r));
      }
    }, function () {
      say(form, false, '无法连接服务器，请稍后重试。');
    }).then(function () {
      send.disabled = false;
    });
  });
}());
