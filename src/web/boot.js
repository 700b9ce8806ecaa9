// The page's first script: it chooses how the app loads, before anything else is fetched.
//
// postbuild.mjs puts the app's files in two inert <template>s of index.html and this script
// (a classic script, so it loads in either case) in front of them:
//
// - `verkenner-load`: the files as Trunk built them, module scripts and a stylesheet, each with
//   its Subresource Integrity hash. Used wherever the page has an origin of its own.
// - `verkenner-load-opaque`: for a page without an origin, the sandboxed iframe that content
//   systems such as WordPress put around embeds (`sandbox="allow-scripts"`, origin "null").
//   There every request to the app's own server is cross-origin: module scripts, a fetched
//   wasm and anything with an `integrity` attribute need CORS headers that a plain static host
//   does not send. So the same stylesheet and app.js load as plain (no-cors) files, and the
//   wasm comes inside a classic script, embed-app-<hash>.js. A no-cors response cannot be
//   checked against a hash, so these carry none.
//
// It also loads the municipality's look (`huisstijl=`), a stylesheet built from its NL Design
// System tokens and listed in <meta name="verkenner-huisstijl">, only when the URL asks for it.
(function () {
  'use strict';
  var doc = document;
  var opaque = self.origin === 'null';
  var template = doc.getElementById(opaque ? 'verkenner-load-opaque' : 'verkenner-load');
  if (!template) return;

  var huisstijl = null;
  try {
    huisstijl = new URLSearchParams(location.search).get('huisstijl');
  } catch (e) { /* no query string */ }
  var list = doc.querySelector('meta[name="verkenner-huisstijl"]');
  if (huisstijl && list) {
    var entries = list.getAttribute('content').split(/\s+/);
    for (var i = 0; i < entries.length; i++) {
      var pair = entries[i].split('=');
      if (pair[0] === huisstijl.trim().toLowerCase() && pair[1]) {
        doc.documentElement.setAttribute('data-huisstijl', pair[0]);
        var sheet = doc.createElement('link');
        sheet.rel = 'stylesheet';
        sheet.href = './' + pair[1];
        sheet.setAttribute('blocking', 'render');
        sheet.setAttribute('data-huisstijl', pair[0]);
        template.content.appendChild(sheet);
      }
    }
  }

  // Nodes cloned from a template are inserted by script: scripts among them would run as soon
  // as each arrives. async = false keeps the order of the list (app.js before the app).
  var nodes = doc.importNode(template.content, true).childNodes;
  var fragment = doc.createDocumentFragment();
  while (nodes.length) {
    var node = nodes[0];
    if (node.tagName === 'SCRIPT') node.async = false;
    fragment.appendChild(node);
  }
  doc.head.appendChild(fragment);
})();
