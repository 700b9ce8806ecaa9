// Resize script for host pages that embed Verkenner sociaal domein in an <iframe>:
//   <script src="https://example.org/verkenner/embed.js" async></script>
// It sets the height of every iframe that reports its content height (the app does so in
// embed mode), so the host page shows no inner scroll bar. No other effect.
(function () {
  window.addEventListener('message', function (event) {
    var data = event.data;
    var height = data && (data.type === 'embed-size' || data.type === 'iframe.resize') ? data.height : null;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 100000) + 'px';
      }
    }
  });
  // Frames that reported before this script loaded report again.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: 'embed-size-request' }, '*'); } catch (e) { /* not ready */ }
  }
  window.addEventListener('load', function () {
    for (var i = 0; i < frames.length; i++) frames[i].contentWindow.postMessage({ type: 'embed-size-request' }, '*');
  });

})();
