// Drafts of long desk texts: every few seconds, a changed form with data-draft-url is sent to the server, which keeps
// its long texts for this user (counselling/drafts.py). Never in the browser's storage: office PCs are shared.
// Without JavaScript the form's "Entwurf speichern" button does the same.
(() => {
  const EVERY_MS = 5000;

  function watch(form) {
    let lastSent = new URLSearchParams(new FormData(form)).toString();
    const timer = setInterval(() => {
      const body = new URLSearchParams(new FormData(form));
      if (body.toString() === lastSent) return;
      lastSent = body.toString();
      fetch(form.dataset.draftUrl, {
        method: "POST", body, credentials: "same-origin", headers: { "X-Draft-Autosave": "1" },
      }).then((response) => {
        // Logged out meanwhile: the server kept the form; the login page leads back to it, filled in.
        if (response.redirected) window.location.assign(response.url);
        else if (response.ok) document.dispatchEvent(new Event("lotsendienst:activity"));
      });
    }, EVERY_MS);
    // Once sent, the form's texts are saved (and their draft deleted) or kept by the button: an autosave while the
    // answer is on its way would bring back the draft the save just deleted.
    form.addEventListener("submit", () => clearInterval(timer));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-draft-url]").forEach(watch);
  });
})();
