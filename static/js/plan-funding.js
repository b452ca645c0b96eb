// The plan step form offers only the funding programmes of the chosen offer; a free-text step (no offer) keeps all.
// Without this file all are listed and the server refuses a programme the offer does not have (counselling/forms.py).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.plan-form").forEach((form) => {
    const offer = form.querySelector("select[name=offer]");
    const funding = form.querySelector("select[name=funding]");
    if (!offer || !funding) return;
    const narrow = () => {
      const chosen = offer.selectedOptions[0];
      const allowed = chosen && chosen.value ? chosen.dataset.funding.split(" ").filter(Boolean) : null;
      for (const option of funding.options) {
        const out = Boolean(option.value) && allowed !== null && !allowed.includes(option.value);
        option.hidden = out;
        option.disabled = out;
      }
      if (funding.selectedOptions[0] && funding.selectedOptions[0].hidden) funding.value = "";
    };
    offer.addEventListener("change", narrow);
    narrow();
  });
});
