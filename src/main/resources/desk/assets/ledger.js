// The clerk's ledger page: uploads the file to /api/ledger/import and shows every bad cell in Chinese.
(function () {
  if (!document.getElementById('import-form')) {
    return; // only clerks and admins import
  }
  var result = document.getElementById('result');
  var table = document.getElementById('errors');
  var body = table.querySelector('tbody');

  function show(text, ok) {
    result.textContent = text;
    result.className = ok ? 'alert alert-ok' : 'alert alert-error';
  }

  function run(dryRun) {
    var file = document.getElementById('file').files[0];
    body.textContent = '';
    table.hidden = true;
    if (!file) {
      show('请先选择台账文件（.xlsx 或 .csv）。', false);
      return;
    }
    var data = new FormData();
    data.append('file', file);
    var agency = document.getElementById('import-agency');
    if (agency) {
      data.append('agencyCode', agency.value); // a clerk of several agencies names the one imported for
    }
    show(dryRun ? '正在检查……' : '正在导入……', true);
    window.deskFetch('/api/ledger/import?dryRun=' + dryRun, {method: 'POST', body: data})
      .then(function (res) {
        return res.json().then(function (json) { return {status: res.status, json: json}; });
      })
      .then(function (r) {
        if (r.status !== 200) {
          var fields = r.json.fields ? Object.keys(r.json.fields).map(function (k) { return r.json.fields[k]; }) : [];
          show((r.json.message || '出错了') + (fields.length ? '：' + fields.join('；') : ''), false);
          return;
        }
        var j = r.json;
        if (j.errors.length) {
          show('共 ' + j.rows + ' 行，发现 ' + j.errors.length + ' 处错误，' + (dryRun ? '' : '全部未导入，') + '请改正后重试。', false);
          j.errors.forEach(function (e) {
            var tr = document.createElement('tr');
            [e.row ? '第 ' + e.row + ' 行' : '—', e.column, e.message].forEach(function (t) {
              var td = document.createElement('td');
              td.textContent = t;
              tr.appendChild(td);
            });
            body.appendChild(tr);
          });
          table.hidden = false;
        } else if (dryRun) {
          show('检查通过：共 ' + j.rows + ' 行，可导入 ' + j.imported + ' 行，已导入过 ' + j.unchanged + ' 行。尚未写入，请点“导入”。', true);
        } else {
          show('导入完成：共 ' + j.rows + ' 行，新导入 ' + j.imported + ' 行，已导入过 ' + j.unchanged + ' 行（未改动）。', true);
        }
      })
      .catch(function () { show('无法连接服务器，请稍后重试。', false); });
  }

  document.getElementById('file').addEventListener('change', function () {
    var f = this.files[0];
    document.getElementById('file-name').textContent = f ? f.name : '未选择文件';
  });
  document.getElementById('dry-run').addEventListener('click', function () { run(true); });
  document.getElementById('import').addEventListener('click', function () { run(false); });
})();
