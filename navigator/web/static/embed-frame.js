// Inside a partner's iframe: tell the host page how tall the content is, so the
// frame fits it, and that a new page opened. Nothing else is ever sent (never an
// answer), and only to the partner origin the server checked against the partner's
// list (data-host-origin).
(function () {
  var origin = document.documentElement.getAttribute("data-host-origin");
  if (!origin || window.parent === window) return;
  var last = 0;
  function report() {
    // The html box, not scrollHeight: that never drops below the frame's own height.
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "exile-navigator:height", height: height }, origin);
  }
  // A new page in the frame: the host brings the frame's top into view.
  window.parent.postMessage({ type: "exile-navigator:page" }, origin);
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  report();
})();
