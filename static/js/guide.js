// Progressive enhancement for the Lotse: show only the follow-up questions that fit "who is asking".
// Without JavaScript every question stays visible and each says whom it is for.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-guide-form]").forEach((form) => {
    const sync = () => {
      const who = form.querySelector("input[name=who]:checked");
      form.querySelectorAll("[data-show-for]").forEach((row) => {
        row.hidden = who !== null && !row.dataset.showFor.split(" ").includes(who.value);
        // Hidden answers stay out of the result address.
        row.querySelectorAll("input, select").forEach((field) => (field.disabled = row.hidden));
      });
    };
    // The Externenprüfung questions only matter for the goal "Berufsabschluss nachholen".
    const syncGoal = () => {
      const goal = form.querySelector("input[name=goal]:checked");
      form.querySelectorAll("[data-show-for-goal]").forEach((row) => {
        row.hidden = goal !== null && !row.dataset.showForGoal.split(" ").includes(goal.value);
        row.querySelectorAll("input, select").forEach((field) => (field.disabled = row.hidden));
      });
    };
    form.querySelectorAll("input[name=who]").forEach((input) => input.addEventListener("change", sync));
    form.querySelectorAll("input[name=goal]").forEach((input) => input.addEventListener("change", syncGoal));
    syncGoal();
    sync();
  });
});
