// The admin's agencies page: add or change an agency (POST / PUT /api/agencies), add or remove a member; every
// problem the API names is listed by the form; after a change the page reloads to show the registry as it is.
(function () {
  'use strict';
  var form = document.getElementById('agency-form');
  var result = document.getElementById('agency-result');
  var errors = document.getElementById('agency-errors');
  if (!form) {
    return;
  }
  var FIELDS = ['code', 'name', 'shortName', 'kind', 'parentCode', 'address', 'phone', 'email',
    'reconsiderationBody', 'court'];
  var LABELS = {code: '代码', name: '全称', shortName: '简称', kind: '类别', parentCode: '上级机关', address: '地址',
    phone: '电话', email: '电子邮箱', reconsiderationBody: '行政复议机关', court: '管辖法院', active: '受理申请'};
  var editing = null;

  function field(name) {
    return document.getElementById('f-' + name);
  }

  function say(ok, text) {
    result.className = ok ? 'alert alert-ok' : 'alert alert-error';
    result.textContent = text;
  }

  function answer(r) {
    if (r.status === 204) {
      return {ok: true, json: null};
    }
    return r.json().then(function (j) { return {ok: r.ok, json: j}; }, function () { return {ok: r.ok, json: {}}; });
  }

  function showErrors(json) {
    errors.textContent = '';
    var fields = (json && json.fields) || {};
    var names = Object.keys(fields);
    if (!names.length) {
      var li = document.createElement('li');
      li.textContent = (json && json.message) || '保存失败';
      errors.appendChild(li);
    }
    names.forEach(function (n) {
      var item = document.createElement('li');
      item.textContent = (LABELS[n] || n) + '：' + fields[n];
      errors.appendChild(item);
      var input = field(n);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
    });
    errors.hidden = false;
  }

  function reload(message) {
    sessionStorage.setItem('agency-message', message);
    window.location.reload();
  }

  var saved = sessionStorage.getItem('agency-message');
  if (saved) {
    sessionStorage.removeItem('agency-message');
    say(true, saved);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = {};
    FIELDS.forEach(function (n) {
      var v = field(n).value.trim();
      body[n] = v === '' ? null : v;
    });
    if (editing) {
      body.active = field('active').checked;
    }
    FIELDS.concat(['active']).forEach(function (n) {
      if (field(n)) {
        field(n).removeAttribute('aria-invalid');
      }
    });
    errors.hidden = true;
    var url = editing ? '/api/agencies/' + encodeURIComponent(editing) : '/api/agencies';
    window.deskFetch(url, {method: editing ? 'PUT' : 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)})
      .then(answer)
      .then(function (r) {
        if (!r.ok) {
          showErrors(r.json);
          return;
        }
        reload((editing ? '已保存机关 ' : '已新增机关 ') + r.json.name + '（' + r.json.code + '）。');
      })
      .catch(function () { say(false, '保存失败，请检查网络后重试'); });
  });

  function startNew() {
    editing = null;
    form.reset();
    field('code').disabled = false;
    document.getElementById('f-active-field').hidden = true;
    document.getElementById('agency-new').hidden = true;
    document.getElementById('form-title').textContent = '新增机关';
  }
  document.getElementById('agency-new').addEventListener('click', startNew);

  document.addEventListener('click', function (e) {
    var edit = e.target.closest ? e.target.closest('[data-edit]') : null;
    if (edit) {
      window.deskFetch('/api/agencies').then(answer).then(function (r) {
        var a = (r.json || []).filter(function (x) { return x.code === edit.getAttribute('data-edit'); })[0];
        if (!a) {
          say(false, '没有这个机关，请刷新页面');
          return;
        }
        editing = a.code;
        FIELDS.forEach(function (n) { field(n).value = a[n] == null ? '' : a[n]; });
        field('code').disabled = true;
        field('active').checked = a.active;
        document.getElementById('f-active-field').hidden = false;
        document.getElementById('agency-new').hidden = false;
        document.getElementById('form-title').textContent = '修改机关：' + a.name;
        field('name').focus();
      });
      return;
    }
    var remove = e.target.closest ? e.target.closest('[data-remove-member]') : null;
    if (remove) {
      var user = remove.getAttribute('data-remove-member');
      var agency = remove.getAttribute('data-agency');
      window.deskFetch('/api/agencies/' + encodeURIComponent(agency) + '/members/' + encodeURIComponent(user),
        {method: 'DELETE'}).then(answer).then(function (r) {
        if (r.ok) {
          reload('已将 ' + user + ' 移出 ' + agency + '。');
        } else {
          say(false, (r.json && r.json.message) || '移出失败');
        }
      });
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll('form.member-add'), function (f) {
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var agency = f.getAttribute('data-agency');
      var user = f.elements.userId.value.trim();
      if (!user) {
        return;
      }
      window.deskFetch('/api/agencies/' + encodeURIComponent(agency) + '/members/' + encodeURIComponent(user),
        {method: 'PUT'}).then(answer).then(function (r) {
        if (r.ok) {
          reload('已将 ' + user + ' 加入 ' + agency + '。');
        } else {
          say(false, r.json && r.json.error === 'NOT_FOUND' ? '没有这个用户：' + user : ((r.json && r.json.message) || '加入失败'));
        }
      });
    });
  });
}());
