// NL2Q HCP widget: loads the HCP's data with the signed link, draws the TRx trend as inline SVG (no third-party
// code), lists recent calls and the latest insight, answers questions scoped to the HCP, and posts the insight to the
// Veeva page that frames it (only ancestors allowed by the CSP frame-ancestors can frame it).
(function () {
  'use strict';
  var body = document.body;
  var hcp = body.getAttribute('data-hcp');
  var token = body.getAttribute('data-token');
  var api = '/widget/api/hcp/' + encodeURIComponent(hcp);
  var query = '?t=' + encodeURIComponent(token);
  var insight = null;

  function text(id, value) { document.getElementById(id).textContent = value == null ? '' : String(value); }

  function chart(points) {
    var svgNs = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 520 140');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Weekly TRx');
    var max = Math.max.apply(null, points.map(function (p) { return Number(p.trx); }).concat([1]));
    var step = points.length > 1 ? 500 / (points.length - 1) : 0;
    var coords = points.map(function (p, i) {
      return (10 + i * step).toFixed(1) + ',' + (130 - 120 * Number(p.trx) / max).toFixed(1);
    });
    var line = document.createElementNS(svgNs, 'polyline');
    line.setAttribute('points', coords.join(' '));
    line.setAttribute('data-weeks', String(points.length));
    svg.appendChild(line);
    document.getElementById('chart').appendChild(svg);
  }

  function parentOrigin() {
    if (window.location.ancestorOrigins && window.location.ancestorOrigins.length) {
      return window.location.ancestorOrigins[0];
    }
    return null;
  }

  fetch(api + query).then(function (r) {
    if (!r.ok) { throw new Error('refused'); }
    return r.json();
  }).then(function (data) {
    text('name', data.hcp.full_name || 'HCP (name hidden for your role)');
    text('meta', data.hcp.specialty + ' · ' + data.hcp.city + ', ' + data.hcp.state);
    chart(data.trend);
    var calls = document.getElementById('calls');
    data.calls.forEach(function (c) {
      var li = document.createElement('li');
      li.textContent = c.date + ' · ' + c.channel + ' · ' + c.product;
      calls.appendChild(li);
    });
    insight = data.insight || {};
    text('trend', insight.trend || 'No insight yet');
    text('summary', insight.summary);
    text('message', insight.message);
    body.setAttribute('data-loaded', 'true');
  }).catch(function () {
    text('name', 'This HCP is not available with this link.');
    body.setAttribute('data-loaded', 'refused');
  });

  document.getElementById('send').addEventListener('click', function () {
    var origin = parentOrigin();
    if (!origin || window.parent === window) { return; }
    window.parent.postMessage({ type: 'nl2q.insight', crmAccountId: hcp, insight: insight }, origin);
  });

  document.getElementById('ask').addEventListener('submit', function (e) {
    e.preventDefault();
    fetch(api + '/ask' + query, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: document.getElementById('question').value })
    }).then(function (r) { return r.json(); }).then(function (a) {
      text('answer', a.error ? a.error.message : a.explanation + ' ' + JSON.stringify(a.rows));
    });
  });
}());
