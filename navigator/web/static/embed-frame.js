// Inside a partner's iframe: tell the host page how tall the content is, so the
// frame fits it. Only the height is ever sent, and only to the partner origin the
// server checked against the partner's list (data-host-origin); never any answer.
(function () {
  var origin = document.documentElement.getAttribute("data-host-origin");
  if (!origin || window.parent === window) return;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "exile-navigator:height", height: height }, origin);
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  report();
})();
