// A minute before the idle logout (accounts/middleware.py), a notice with a button to stay logged in.
// Without this file nothing is lost either: a form sent after the logout is kept on the server
// (accounts/kept_forms.py) and filled in again after the next login.
(() => {
  const config = document.currentScript.dataset;
  const WARN_BEFORE_MS = 60 * 1000;
  // The server notes activity at most every 30 seconds, so after our own requests we count from 30 seconds earlier.
  const TOUCH_SLACK_MS = 30 * 1000;
  let timer = null;
  let notice = null;

  function buildNotice() {
    const box = document.createElement("div");
    box.className = "idle-warning";
    box.setAttribute("role", "alert");
    Object.assign(box.style, {
      position: "fixed", insetInline: "0", bottom: "0", zIndex: "1000", padding: "1rem",
      background: "#fff4ce", color: "#1b1b1b", borderTop: "3px solid #8a6100", textAlign: "center",
    });
    const text = document.createElement("p");
    text.textContent = config.message;
    const stay = document.createElement("button");
    stay.type = "button";
    stay.textContent = config.stay;
    stay.addEventListener("click", keepAlive);
    box.append(text, stay);
    return box;
  }

  function warn() {
    notice = notice || buildNotice();
    if (!notice.isConnected) document.body.append(notice);
  }

  function schedule(logoutInMs) {
    clearTimeout(timer);
    if (notice) notice.remove();
    timer = setTimeout(warn, Math.max(0, logoutInMs - WARN_BEFORE_MS));
  }

  function keepAlive() {
    fetch(config.keepAliveUrl, { credentials: "same-origin" }).then((response) => {
      if (response.ok) schedule(config.idleSeconds * 1000 - TOUCH_SLACK_MS);
    });
  }

  // Other scripts of ours (the draft autosave) tell us when they reached the server.
  document.addEventListener("lotsendienst:activity", () => schedule(config.idleSeconds * 1000 - TOUCH_SLACK_MS));
  schedule(Number(config.logoutIn) * 1000);
})();
