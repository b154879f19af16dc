// Quick exit, enhanced: the link already works without JavaScript. With it, the
// Escape key leaves too, and the page is replaced rather than added to the history,
// so "Back" does not return to the navigator where the browser allows.
(function () {
  var link = document.querySelector("a.quick-exit");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    // Embedded in a partner's page, the whole tab leaves, not just the frame.
    var target = link.target === "_top" ? window.top : window;
    target.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") leave(event);
  });
})();
