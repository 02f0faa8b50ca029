// Render self-check for src/test/browser/check-report.sh; the page does not need it. It runs first in the page, so
// that it sees every script error, failed load and console.error call; after loading, every picture and chart must
// have rendered. The outcome goes into <pre id="render-check"> and the console.
window.renderErrors = [];
window.addEventListener('error', function (e) {
  var t = e.target;
  window.renderErrors.push(e.message
    || ('failed to load ' + (t && t.tagName ? t.tagName.toLowerCase() + ' ' + (t.alt || '') : '?')));
}, true);
(function () {
  var original = console.error;
  console.error = function () {
    window.renderErrors.push(Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
})();
window.addEventListener('load', function () {
  var bad = [];
  var images = document.querySelectorAll('img');
  for (var i = 0; i < images.length; i++) {
    if (!images[i].complete || images[i].naturalWidth === 0) {
      bad.push('img "' + images[i].alt + '"');
    }
  }
  var charts = document.querySelectorAll('main svg');
  var elements = 0;
  for (var j = 0; j < charts.length; j++) {
    var box = charts[j].getBBox();
    var count = charts[j].querySelectorAll('*').length;
    elements += count;
    if (!(box.width > 0 && box.height > 0) || count === 0) {
      bad.push('svg #' + (j + 1));
    }
  }
  var errors = window.renderErrors || [];
  var ok = bad.length === 0 && errors.length === 0;
  var summary = 'render-check: ' + (ok ? 'OK' : 'FAIL') + ' images=' + images.length
    + ' svgs=' + charts.length + ' svg-elements=' + elements + ' errors=' + errors.length
    + (bad.length === 0 ? '' : ' broken: ' + bad.join(', '))
    + (errors.length === 0 ? '' : ' errors: ' + errors.join(' | '));
  document.getElementById('render-check').textContent = summary;
  console.log(summary);
});
