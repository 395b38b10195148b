// The admin's backup page: one online backup (POST /api/admin/backup, with the CSRF token); says where it went.
(function () {
  'use strict';
  var button = document.getElementById('backup-now');
  var result = document.getElementById('backup-result');
  if (!button) {
    return;
  }
  button.addEventListener('click', function () {
    button.disabled = true;
    result.className = 'alert alert-ok';
    result.textContent = '正在备份，请稍候……';
    window.deskFetch('/api/admin/backup', {method: 'POST'})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, json: j}; }); })
      .then(function (r) {
        button.disabled = false;
        if (!r.ok) {
          result.className = 'alert alert-error';
          result.textContent = r.json.message || '备份失败';
          return;
        }
        result.textContent = '备份完成：' + r.json.file + '（' + (r.json.sizeBytes / 1048576).toFixed(1) + ' MB），'
          + r.json.createdAt.replace('T', ' ').slice(0, 19);
      })
      .catch(function () {
        button.disabled = false;
        result.className = 'alert alert-error';
        result.textContent = '备份失败，请检查网络后重试';
      });
  });
}());
