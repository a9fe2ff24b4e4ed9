// Test support shared by the host pages. Plain script, no dependencies.
// __curioWatch(el) records every DOM mutation inside an editable from the moment the page's own editor is ready,
// so tests can prove Curio never touches the editable (only the test's own typing or a chosen fix may).
(function () {
  var log = [];
  window.__curioMutations = log;
  window.__curioWatch = function (el) {
    var mo = new MutationObserver(function (records) {
      records.forEach(function (r) {
        var n = r.target;
        log.push({
          t: performance.now(),
          type: r.type,
          attr: r.attributeName || null,
          node: n.nodeType === 1 ? n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') : '#text',
          added: Array.prototype.map.call(r.addedNodes, function (a) { return a.nodeName.toLowerCase(); }),
          removed: Array.prototype.map.call(r.removedNodes, function (a) { return a.nodeName.toLowerCase(); }),
        });
      });
    });
    mo.observe(el, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
    el.__curioWatched = true;
  };
  // Time of the last keystroke / input anywhere in the page (capture phase, so it sees inputs in editors too).
  window.__curioLastInput = 0;
  ['keydown', 'input'].forEach(function (type) {
    document.addEventListener(type, function () { window.__curioLastInput = performance.now(); }, true);
  });
})();
