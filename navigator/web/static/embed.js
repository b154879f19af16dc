// The one tag a partner pastes:
//   <script src="https://NAVIGATOR/static/embed.js" data-partner="SLUG" data-lang="be" async></script>
// It puts the navigator in an iframe right after the tag, passes the language and
// this page's origin (the navigator only accepts origins the partner registered),
// resizes the frame to its content and, when a new page opens in the frame, brings
// the frame's top into view. It accepts messages only from the
// navigator's own origin and that very frame, and reads nothing but a height:
// the person's answers never reach this page.
(function () {
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src);
  var partner = script.getAttribute("data-partner");
  if (!partner || !/^[a-z0-9][a-z0-9-]{1,39}$/.test(partner)) return;
  var lang = script.getAttribute("data-lang") || document.documentElement.lang || "";
  var src = new URL("/embed/" + partner + "/", base.origin);
  if (lang) src.searchParams.set("lang", lang.slice(0, 2).toLowerCase());
  src.searchParams.set("origin", window.location.origin);

  var frame = document.createElement("iframe");
  frame.src = src.toString();
  frame.title = script.getAttribute("data-title") || "Legal-status navigator";
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.setAttribute("allow", "");
  frame.className = "exile-navigator-frame";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.minHeight = "480px";
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data) return;
    if (data.type === "exile-navigator:page" && frame.getBoundingClientRect().top < 0) {
      frame.scrollIntoView();
    }
    if (data.type !== "exile-navigator:height") return;
    var height = Number(data.height);
    if (isFinite(height) && height > 100 && height < 20000) frame.style.height = height + "px";
  });
})();
