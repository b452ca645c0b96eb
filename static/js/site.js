// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Auto-submit selects marked with data-autosubmit (a submit button stays for no-JS users).
  document.querySelectorAll("[data-autosubmit]").forEach((el) => {
    el.addEventListener("change", () => el.form && el.form.requestSubmit());
  });
  // Print buttons.
  document.querySelectorAll("[data-print]").forEach((el) => {
    el.hidden = false;
    el.addEventListener("click", () => window.print());
  });
});
