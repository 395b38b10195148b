// The clerk's 网上申请 page: 转送 of a submission awaiting confirmation to another agency of the platform
// (POST /api/submissions/{n}/forwarding, CSRF token through deskFetch); on success the row leaves the list.
(function () {
  'use strict';
  var LABELS = {agencyCode: '转送至', reason: '转送理由'};
  var forms = window.deskRowForms;
  var result = document.getElementById('forward-result');

  function error(form, text) {
    form.querySelector('.forward-error').className = 'forward-error alert alert-error';
    form.querySelector('.forward-error').textContent = text;
  }

  function failure(r) {
    var j = r.json || {};
    if (forms.expired(r)) {
      return '登录已过期，请刷新页面并重新登录后再转送。';
    }
    var fields = j.fields ? Object.keys(j.fields).map(function (k) {
      return (LABELS[k] || k) + '：' + j.fields[k];
    }) : [];
    if (fields.length) {
      return fields.join('；');
    }
    if (r.status === 404) {
      return '没有找到这件网上申请，可能已被转送到其他机关，请刷新页面。';
    }
    if (r.status === 409) {
      return j.message || '该网上申请已经确认、不予受理或撤回，不能再转送。';
    }
    if (r.status === 403) {
      return j.message || '您没有转送网上申请的权限。';
    }
    return forms.other(r, '转送失败');
  }

  function decrement(id) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = String(Math.max(0, Number(el.textContent) - 1));
    }
  }

  forms.wire('forward');

  // a field put right is no longer marked, and the message about it goes
  ['input', 'change'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var form = e.target.closest ? e.target.closest('form.forward-form') : null;
      if (form && e.target.getAttribute('aria-invalid') && e.target.value.trim()) {
        e.target.removeAttribute('aria-invalid');
        if (!form.querySelector('[aria-invalid]')) {
          form.querySelector('.forward-error').className = 'forward-error';
          form.querySelector('.forward-error').textContent = '';
        }
      }
    });
  });

  document.addEventListener('submit', function (e) {
    var form = e.target.closest('form.forward-form');
    if (!form) {
      return;
    }
    e.preventDefault();
    var agency = form.elements.agencyCode;
    var reason = form.elements.reason;
    var missing = [];
    [agency, reason].forEach(function (input) {
      var empty = !input.value.trim();
      if (empty) {
        input.setAttribute('aria-invalid', 'true');
        missing.push(input);
      } else {
        input.removeAttribute('aria-invalid');
      }
    });
    if (missing.length) {
      error(form, missing.map(function (i) {
        return i === agency ? '请选择转送至哪个机关' : '请填写转送理由（申请人可以看到）';
      }).join('；') + '。');
      missing[0].focus();
      return;
    }
    var number = form.getAttribute('data-number');
    var target = agency.options[agency.selectedIndex].textContent;
    var send = form.querySelector('button[type="submit"]');
    send.disabled = true;
    window.deskFetch('/api/submissions/' + encodeURIComponent(number) + '/forwarding', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify({agencyCode: agency.value, reason: reason.value.trim()})
    }).then(forms.answer).then(function (r) {
      if (r.status === 200 && r.json) {
        var formRow = form.closest('.forward-row');
        var row = document.getElementById('submission-' + number);
        formRow.parentNode.removeChild(formRow);
        row.parentNode.removeChild(row);
        decrement('submissions-total');
        decrement('current-count');
        if (!document.querySelector('#submissions-table tbody tr')) {
          document.getElementById('submissions-table').hidden = true;
          document.getElementById('submissions-empty').hidden = false;
        }
        result.className = 'alert alert-ok';
        result.textContent = '已将网上申请 ' + number + ' 转送至' + target + '，申请人可以看到转送理由。';
        result.setAttribute('tabindex', '-1');
        result.focus();
      } else {
        error(form, failure(r));
        send.disabled = false;
      }
    }, function () {
      error(form, '无法连接服务器，请稍后重试。');
      send.disabled = false;
    });
  });
}());
